package com.lantern.web;

import com.lantern.domain.Member;
import com.lantern.domain.MemberRefreshToken;
import com.lantern.domain.MemberRefreshTokenRepository;
import com.lantern.domain.MemberRepository;
import com.lantern.security.TokenIssuer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/mobile/api")
public class MobileAuthController {

    private static final Duration REFRESH_TTL = Duration.ofDays(7);

    record Credentials(String username, String password) { }
    record RefreshBody(UUID refreshToken) { }
    record PasswordChange(String currentPassword, String newPassword) { }

    private final MemberRepository members;
    private final MemberRefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwordEncoder;
    private final TokenIssuer issuer;

    public MobileAuthController(MemberRepository members, MemberRefreshTokenRepository refreshTokens,
                                PasswordEncoder passwordEncoder, TokenIssuer issuer) {
        this.members = members;
        this.refreshTokens = refreshTokens;
        this.passwordEncoder = passwordEncoder;
        this.issuer = issuer;
    }

    @PostMapping("/auth/login")
    @Transactional
    public Map<String, Object> login(@RequestBody Credentials body) {
        Member member = members.findByUsernameIgnoreCase(body.username())
                .filter(m -> passwordEncoder.matches(body.password(), m.getPasswordHash()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        MemberRefreshToken refresh = refreshTokens.save(MemberRefreshToken.start(member.getId(), REFRESH_TTL));
        return Map.of("accessToken", issuer.accessToken(member), "refreshToken", refresh.getId());
    }

    @PostMapping("/auth/refresh")
    @Transactional
    public Map<String, Object> refresh(@RequestBody RefreshBody body) {
        MemberRefreshToken presented = refreshTokens.findById(body.refreshToken())
                .filter(t -> !t.isExpired())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (presented.isUsed()) {
            refreshTokens.deleteByFamilyId(presented.getFamilyId());
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "refresh token reuse");
        }
        presented.markUsed();
        Member member = members.findById(presented.getMemberId()).orElseThrow();
        MemberRefreshToken successor = refreshTokens.save(MemberRefreshToken.next(member.getId(), presented.getFamilyId(), REFRESH_TTL));
        return Map.of("accessToken", issuer.accessToken(member), "refreshToken", successor.getId());
    }

    @PostMapping("/auth/logout")
    @Transactional
    public ResponseEntity<Void> logout(@AuthenticationPrincipal Long memberId) {
        Member member = members.findById(memberId).orElseThrow();
        member.revokeTokens();
        refreshTokens.deleteByMemberId(memberId);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    @PostMapping("/account/password")
    @Transactional
    public ResponseEntity<Void> changePassword(@AuthenticationPrincipal Long memberId,
                                               @RequestBody PasswordChange body) {
        Member member = members.findById(memberId).orElseThrow();
        if (!passwordEncoder.matches(body.currentPassword(), member.getPasswordHash())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        member.changePassword(passwordEncoder.encode(body.newPassword()));
        refreshTokens.deleteByMemberId(memberId);
        members.save(member);
        return ResponseEntity.noContent().build();
    }
}
