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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lobby display boards and room-booking panels run under a service member of
 * their location. Three generations of firmware are still deployed.
 */
@RestController
@RequestMapping("/mobile/api/displays/token")
public class DisplayTokenController {

    private static final Duration PANEL_REFRESH_TTL = Duration.ofDays(2);

    record TokenResponse(String accessToken, String refreshToken) { }

    private final MemberRepository members;
    private final MemberRefreshTokenRepository refreshTokens;
    private final TokenIssuer issuer;

    public DisplayTokenController(MemberRepository members, MemberRefreshTokenRepository refreshTokens,
                                  TokenIssuer issuer) {
        this.members = members;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
    }

    private Member ownerOf(MemberRefreshToken token) {
        return members.findById(token.getMemberId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    private MemberRefreshToken valid(String raw) {
        return refreshTokens.findById(UUID.fromString(raw))
                .filter(t -> !t.isExpired() && !t.isUsed())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    /** Firmware 1.x: refresh token in the JSON body. */
    @PostMapping("/refresh")
    public Map<String, String> refreshV1(@RequestBody Map<String, String> body) {
        Member owner = ownerOf(valid(body.get("refreshToken")));
        return Map.of("accessToken", issuer.accessToken(owner), "refreshToken", body.get("refreshToken"));
    }

    /** Firmware 2.x: gets a new refresh token with every access token. */
    @PostMapping("/v2/refresh")
    @Transactional
    public TokenResponse refreshV2(@RequestBody Map<String, String> body) {
        MemberRefreshToken presented = valid(body.get("refreshToken"));
        Member owner = ownerOf(presented);
        MemberRefreshToken fresh = refreshTokens.save(MemberRefreshToken.start(owner.getId(), PANEL_REFRESH_TTL));
        return new TokenResponse(issuer.accessToken(owner), fresh.getId().toString());
    }

    /** Room panels send the refresh token in a header. */
    @PostMapping("/panel")
    public ResponseEntity<TokenResponse> panel(@RequestHeader("X-Refresh-Token") String refreshToken) {
        Member owner = ownerOf(valid(refreshToken));
        return ResponseEntity.ok(new TokenResponse(issuer.accessToken(owner), refreshToken));
    }

    /** Firmware 3.x only asks for access tokens; its refresh token is replaced at enrolment. */
    @PostMapping("/v3/access")
    public Map<String, String> accessOnly(@RequestHeader("X-Refresh-Token") String refreshToken) {
        Member owner = ownerOf(valid(refreshToken));
        return Map.of("accessToken", issuer.accessToken(owner));
    }
}
