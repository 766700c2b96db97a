package io.tallyhq.ledger.auth;

import io.tallyhq.ledger.user.UserAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RefreshTokenService {

    static final Duration REFRESH_TTL = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRepository tokens;
    private final Clock clock;

    public RefreshTokenService(RefreshTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Starts a new token family, e.g. at password login. */
    @Transactional
    public String startFamily(UserAccount user) {
        return issue(user, UUID.randomUUID());
    }

    /**
     * Exchanges a presented refresh token for a new one. The presented token is marked used;
     * presenting an already-used token revokes its whole family (reuse detection).
     */
    @Transactional(noRollbackFor = RefreshRejectedException.class)
    public Rotation rotate(String presented) {
        RefreshToken stored = tokens.findByTokenHash(sha256(presented))
                .orElseThrow(() -> new RefreshRejectedException("unknown refresh token"));
        Instant now = clock.instant();
        if (stored.wasUsed()) {
            tokens.revokeFamily(stored.getFamilyId());
            throw new RefreshRejectedException("refresh token reuse detected");
        }
        if (!stored.isUsable(now)) {
            throw new RefreshRejectedException("refresh token expired or revoked");
        }
        stored.markUsed(now);
        String next = issue(stored.getUser(), stored.getFamilyId());
        return new Rotation(stored.getUser(), next);
    }

    /**
     * Trusted devices (biometric unlock on the mobile app) get a fresh token with a full
     * lifetime whenever they come back, so they are never logged out while in use.
     */
    @Transactional
    public Rotation extendTrustedDevice(String presented) {
        RefreshToken stored = tokens.findByTokenHash(sha256(presented))
                .filter(t -> t.isUsable(clock.instant()))
                .orElseThrow(() -> new RefreshRejectedException("unknown refresh token"));
        String extended = issue(stored.getUser(), stored.getFamilyId());
        return new Rotation(stored.getUser(), extended);
    }

    @Transactional
    public void revokeAllFor(long userId) {
        tokens.deleteAllForUser(userId);
    }

    private String issue(UserAccount user, UUID familyId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.save(new RefreshToken(user, sha256(value), familyId, clock.instant().plus(REFRESH_TTL)));
        return value;
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Rotation(UserAccount user, String refreshToken) {
    }
}
