package com.tidewater.web;

import com.tidewater.domain.Account;
import com.tidewater.domain.AccountRepository;
import com.tidewater.domain.RefreshToken;
import com.tidewater.domain.RefreshTokenRepository;
import com.tidewater.security.JwtService;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Token endpoints of the booking API (mobile apps keep tokens in secure storage). */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private static final Duration REFRESH_TTL = Duration.ofDays(7);

    public static final class LoginRequest {
        public String email;
        public String password;
    }

    public static final class RefreshRequest {
        public String refreshToken;
    }

    public static final class TokenPair {
        public final String accessToken;
        public final String refreshToken;

        public TokenPair(String accessToken, String refreshToken) {
            this.accessToken = accessToken;
            this.refreshToken = refreshToken;
        }
    }

    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwordEncoder;
    private final JwtService jwtService;

    public AuthController(AccountRepository accounts, RefreshTokenRepository refreshTokens,
                          PasswordEncoder passwordEncoder, JwtService jwtService) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.passwordEncoder = passwordEncoder;
        this.jwtService = jwtService;
    }

    @PostMapping("/login")
    public TokenPair login(@RequestBody LoginRequest body) {
        Account account = accounts.findByEmailIgnoreCase(body.email)
                .filter(a -> passwordEncoder.matches(body.password, a.getPasswordHash()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        RefreshToken refresh = refreshTokens.save(RefreshToken.issue(account, REFRESH_TTL));
        String access = jwtService.issueAccessToken(account);
        return new TokenPair(access, refresh.getToken());
    }

    @PostMapping("/refresh")
    public TokenPair refresh(@RequestBody RefreshRequest body) {
        RefreshToken stored = refreshTokens.findByToken(body.refreshToken)
                .filter(t -> t.getExpiresAt().isAfter(Instant.now()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        String access = jwtService.issueAccessToken(stored.getAccount());
        return new TokenPair(access, body.refreshToken);
    }

    @PostMapping("/logout")
    public ResponseEntity<Void> logout() {
        // the app wipes both tokens from its keystore when it gets 204
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
