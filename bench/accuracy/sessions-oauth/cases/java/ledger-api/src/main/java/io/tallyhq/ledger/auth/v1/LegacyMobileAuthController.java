package io.tallyhq.ledger.auth.v1;

import io.tallyhq.ledger.auth.RefreshTokenService;
import io.tallyhq.ledger.security.JwtIssuer;
import io.tallyhq.ledger.user.UserAccount;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Token endpoints kept for app builds older than 3.0, which cannot store a new refresh
 * token after the first login. Scheduled for removal once those builds age out.
 */
@RestController
@RequestMapping("/api/v1/token")
public class LegacyMobileAuthController {

    private final LegacyRefreshLookup lookup;
    private final RefreshTokenService refreshTokens;
    private final JwtIssuer jwt;

    public LegacyMobileAuthController(LegacyRefreshLookup lookup, RefreshTokenService refreshTokens, JwtIssuer jwt) {
        this.refreshTokens = refreshTokens;
        this.lookup = lookup;
        this.jwt = jwt;
    }

    public record LegacyRefresh(String refresh_token, String device_id) {
    }

    @PostMapping("/refresh")
    public Map<String, Object> refresh(@RequestBody LegacyRefresh body) {
        UserAccount user = lookup.userForUsableToken(body.refresh_token(), Instant.now())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        String access = jwt.accessToken(user);
        return Map.of("access_token", access, "refresh_token", body.refresh_token(), "token_type", "Bearer");
    }

    /** 2.x builds: a fresh refresh token on every call, in a new family. */
    @PostMapping("/refresh-v2")
    public Map<String, Object> refreshV2(@RequestBody LegacyRefresh body) {
        UserAccount user = lookup.userForUsableToken(body.refresh_token(), Instant.now())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        String replacement = refreshTokens.startFamily(user);
        return Map.of("access_token", jwt.accessToken(user), "refresh_token", replacement);
    }

    /** Newer builds call this one: it mints an access token and leaves the refresh token alone. */
    @PostMapping("/access")
    public Map<String, Object> access(@RequestBody LegacyRefresh body) {
        UserAccount user = lookup.userForUsableToken(body.refresh_token(), Instant.now())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        return Map.of("access_token", jwt.accessToken(user), "expires_in", JwtIssuer.ACCESS_TTL.toSeconds());
    }
}
