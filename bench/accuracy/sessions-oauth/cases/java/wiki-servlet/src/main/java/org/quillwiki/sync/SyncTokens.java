package org.quillwiki.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Opaque tokens for the desktop sync client; only their SHA-256 is stored. */
final class SyncTokens {

    static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    static final Duration REFRESH_TTL = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SyncTokens() {
    }

    static String newAccessToken(Connection db, long accountId, String deviceId) throws SQLException {
        String token = random();
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO sync_session (token_hash, account_id, device_id, expires_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, sha256(token));
            ps.setLong(2, accountId);
            ps.setString(3, deviceId);
            ps.setTimestamp(4, Timestamp.from(Instant.now().plus(ACCESS_TTL)));
            ps.executeUpdate();
        }
        return token;
    }

    static String newRefreshToken(Connection db, long accountId, String deviceId) throws SQLException {
        String token = random();
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO sync_refresh_token (token_hash, account_id, device_id, expires_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, sha256(token));
            ps.setLong(2, accountId);
            ps.setString(3, deviceId);
            ps.setTimestamp(4, Timestamp.from(Instant.now().plus(REFRESH_TTL)));
            ps.executeUpdate();
        }
        return token;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
