package com.stagepass.events.mobile;

import com.stagepass.events.mobile.MobileTokenStore.IssuedTokens;
import com.stagepass.events.mobile.MobileTokenStore.RefreshGrant;
import com.stagepass.events.tickets.BuyerDirectory;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/m/api/auth")
public class MobileAuthController {

    private static final long ACCESS_SECONDS = 900;

    private final MobileTokenStore tokens;
    private final BuyerDirectory buyers;

    public MobileAuthController(MobileTokenStore tokens, BuyerDirectory buyers) {
        this.tokens = tokens;
        this.buyers = buyers;
    }

    public record LoginRequest(String email, String password, String client) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record TokenResponse(String accessToken, String refreshToken, long expiresIn) {
    }

    @PostMapping("/login")
    public TokenResponse login(@RequestBody LoginRequest body) {
        String username = buyers.authenticate(body.email(), body.password());
        IssuedTokens issued = tokens.issue(username, body.client());
        return new TokenResponse(issued.accessToken(), issued.refreshToken(), ACCESS_SECONDS);
    }

    /** Phone app: single-use refresh tokens. */
    @PostMapping("/refresh")
    public TokenResponse refresh(@RequestBody RefreshRequest body) {
        RefreshGrant grant = tokens.consumeRefresh(body.refreshToken())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        IssuedTokens rotated = tokens.issueInFamily(grant.username(), grant.client(), grant.familyId());
        return new TokenResponse(rotated.accessToken(), rotated.refreshToken(), ACCESS_SECONDS);
    }

    /** Watch companion: same rule, implemented with a used marker so support can audit it. */
    @PostMapping("/refresh/watch")
    public TokenResponse refreshWatch(@RequestBody RefreshRequest body) {
        RefreshGrant grant = tokens.lookupRefresh(body.refreshToken())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        tokens.markRefreshUsed(body.refreshToken());
        IssuedTokens forWatch = tokens.issueInFamily(grant.username(), "watch", grant.familyId());
        return new TokenResponse(forWatch.accessToken(), forWatch.refreshToken(), ACCESS_SECONDS);
    }

    /** Smart-TV app: flaky networks, so it may retry a refresh; keep the old token working. */
    @PostMapping("/refresh/tv")
    public TokenResponse refreshTv(@RequestBody RefreshRequest body) {
        RefreshGrant grant = tokens.lookupRefresh(body.refreshToken())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        IssuedTokens forTv = tokens.issueInFamily(grant.username(), "tv", grant.familyId());
        return new TokenResponse(forTv.accessToken(), forTv.refreshToken(), ACCESS_SECONDS);
    }

    /** Door scanners only understand one refresh token for their whole lifetime. */
    @PostMapping("/refresh/scanner")
    public Map<String, Object> refreshScanner(@RequestBody RefreshRequest body) {
        RefreshGrant grant = tokens.lookupRefresh(body.refreshToken())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        String access = tokens.issueAccessOnly(grant.username(), "scanner", grant.familyId());
        return Map.of("access_token", access, "refresh_token", body.refreshToken(), "expires_in", ACCESS_SECONDS);
    }

    @PostMapping("/logout")
    public ResponseEntity<Void> logout(@RequestHeader("Authorization") String authorization,
                                       @RequestBody(required = false) RefreshRequest body) {
        tokens.revokeAccess(authorization.substring("Bearer ".length()));
        if (body != null && body.refreshToken() != null) {
            tokens.revokeRefreshFamily(body.refreshToken());
        }
        return ResponseEntity.noContent().build();
    }
}
