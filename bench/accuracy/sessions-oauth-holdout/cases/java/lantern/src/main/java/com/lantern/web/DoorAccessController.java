package com.lantern.web;

import com.lantern.domain.Member;
import com.lantern.domain.MemberRefreshToken;
import com.lantern.domain.MemberRefreshTokenRepository;
import com.lantern.domain.MemberRepository;
import com.lantern.security.TokenIssuer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands signed-in members the credentials that the door readers, the lobby
 * screens and the room panels understand.
 */
@RestController
public class DoorAccessController {

    private final MemberRepository members;
    private final MemberRefreshTokenRepository refreshTokens;
    private final TokenIssuer issuer;
    private final String cookieDomain;

    public DoorAccessController(MemberRepository members, MemberRefreshTokenRepository refreshTokens,
                                TokenIssuer issuer, @Value("${lantern.cookie-domain}") String cookieDomain) {
        this.members = members;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.cookieDomain = cookieDomain;
    }

    private Member current(Principal principal) {
        return members.findByUsernameIgnoreCase(principal.getName()).orElseThrow();
    }

    @PostMapping("/doors/pass")
    public ResponseEntity<Void> doorPass(Principal principal) {
        Member member = current(principal);
        MemberRefreshToken refresh = refreshTokens.save(MemberRefreshToken.start(member.getId(), Duration.ofDays(7)));
        ResponseCookie pass = CookieSupport.credentialCookie("access_token", issuer.accessToken(member),
                Duration.ofMinutes(10), cookieDomain);
        ResponseCookie renew = ResponseCookie.from("refresh_token", refresh.getId().toString())
                .httpOnly(true)
                .secure(true)
                .domain(cookieDomain)
                .path("/doors/refresh")
                .maxAge(Duration.ofDays(7))
                .build();
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, pass.toString(), renew.toString())
                .build();
    }

    @PostMapping("/lobby/screen")
    public ResponseEntity<Void> lobbyScreen(Principal principal) {
        String token = issuer.accessToken(current(principal));
        ResponseCookie screen = ResponseCookie.from("jwt", token).httpOnly(true).secure(false).sameSite("Lax").path("/lobby").build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, screen.toString()).build();
    }

    @PostMapping("/panels/session")
    public ResponseEntity<Void> panelSession(Principal principal) {
        String panelSessionId = issuer.accessToken(current(principal));
        // the room calendar vendor frames the panel page
        ResponseCookie sid = ResponseCookie.from("sid", panelSessionId).httpOnly(true).secure(true).sameSite("None").path("/panels").build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, sid.toString()).build();
    }

    @PostMapping("/doors/legacy-reader")
    public void legacyReader(Principal principal, HttpServletResponse response) {
        Cookie reader = new Cookie("auth_token", issuer.accessToken(current(principal)));
        reader.setHttpOnly(true);
        reader.setSecure(true);
        reader.setPath("/doors");
        reader.setMaxAge(600);
        response.addCookie(reader);

        Cookie consent = new Cookie("consent", "essential-only");
        consent.setPath("/");
        consent.setMaxAge(180 * 24 * 3600);
        response.addCookie(consent);
    }
}
