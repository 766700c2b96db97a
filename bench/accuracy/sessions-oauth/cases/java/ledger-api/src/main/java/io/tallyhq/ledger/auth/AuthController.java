package io.tallyhq.ledger.auth;

import io.jsonwebtoken.Claims;
import io.tallyhq.ledger.security.ApiPrincipal;
import io.tallyhq.ledger.security.JwtIssuer;
import io.tallyhq.ledger.security.TokenDenylist;
import io.tallyhq.ledger.user.UserAccount;
import io.tallyhq.ledger.user.UserAccountService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final UserAccountService accounts;
    private final JwtIssuer jwt;
    private final RefreshTokenService refreshTokens;
    private final TokenDenylist denylist;

    public AuthController(UserAccountService accounts, JwtIssuer jwt,
                          RefreshTokenService refreshTokens, TokenDenylist denylist) {
        this.accounts = accounts;
        this.jwt = jwt;
        this.refreshTokens = refreshTokens;
        this.denylist = denylist;
    }

    public record LoginRequest(@NotBlank String email, @NotBlank String password) {
    }

    public record RefreshRequest(@NotBlank String refreshToken) {
    }

    public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
    }

    @PostMapping("/login")
    public TokenPair login(@Valid @RequestBody LoginRequest body) {
        UserAccount user = accounts.authenticate(body.email(), body.password());
        String refresh = refreshTokens.startFamily(user);
        return new TokenPair(jwt.accessToken(user), refresh, JwtIssuer.ACCESS_TTL.toSeconds());
    }

    @PostMapping("/refresh")
    public TokenPair refresh(@Valid @RequestBody RefreshRequest body) {
        RefreshTokenService.Rotation rotation = refreshTokens.rotate(body.refreshToken());
        return new TokenPair(jwt.accessToken(rotation.user()), rotation.refreshToken(), JwtIssuer.ACCESS_TTL.toSeconds());
    }

    @PostMapping("/logout")
    public ResponseEntity<Void> logout(@AuthenticationPrincipal ApiPrincipal principal,
                                       @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        Claims claims = jwt.parseAccessToken(authorization.substring("Bearer ".length()));
        denylist.revoke(principal.tokenId(), claims.getExpiration().toInstant());
        refreshTokens.revokeAllFor(principal.userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/logout-everywhere")
    public ResponseEntity<Void> logoutEverywhere(@AuthenticationPrincipal ApiPrincipal principal) {
        accounts.bumpTokenVersion(principal.userId());
        refreshTokens.revokeAllFor(principal.userId());
        return ResponseEntity.noContent().build();
    }
}
