package com.stagepass.events.mobile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Opaque access and refresh tokens for the mobile app and widget; hashes only in the DB. */
@Repository
public class MobileTokenStore {

    public record IssuedTokens(String accessToken, String refreshToken) {
    }

    public record RefreshGrant(String username, String client, UUID familyId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public MobileTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public IssuedTokens issue(String username, String client) {
        return issueInFamily(username, client, UUID.randomUUID());
    }

    @Transactional
    public IssuedTokens issueInFamily(String username, String client, UUID familyId) {
        String access = issueAccessOnly(username, client, familyId);
        String refresh = random();
        jdbc.update("INSERT INTO mobile_refresh_token (token_hash, username, client, family_id, expires_at) "
                + "VALUES (?, ?, ?, ?, now() + interval '7 days')", hash(refresh), username, client, familyId);
        return new IssuedTokens(access, refresh);
    }

    public String issueAccessOnly(String username, String client, UUID familyId) {
        String access = random();
        jdbc.update("INSERT INTO mobile_access_token (token_hash, username, client, family_id, expires_at) "
                + "VALUES (?, ?, ?, ?, now() + interval '15 minutes')", hash(access), username, client, familyId);
        return access;
    }

    /** Deletes the refresh token and returns its grant; an unknown token from a known family revokes the family. */
    @Transactional
    public Optional<RefreshGrant> consumeRefresh(String refreshToken) {
        List<RefreshGrant> rows = jdbc.query(
                "DELETE FROM mobile_refresh_token WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() "
                        + "RETURNING username, client, family_id",
                (rs, i) -> new RefreshGrant(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)),
                hash(refreshToken));
        return rows.stream().findFirst();
    }

    public Optional<RefreshGrant> lookupRefresh(String refreshToken) {
        return jdbc.query(
                "SELECT username, client, family_id FROM mobile_refresh_token "
                        + "WHERE token_hash = ? AND used_at IS NULL AND expires_at > now()",
                (rs, i) -> new RefreshGrant(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class)),
                hash(refreshToken)).stream().findFirst();
    }

    public void markRefreshUsed(String refreshToken) {
        jdbc.update("UPDATE mobile_refresh_token SET used_at = now() WHERE token_hash = ?", hash(refreshToken));
    }

    public Optional<String> userForAccessToken(String accessToken) {
        return jdbc.query("SELECT username FROM mobile_access_token WHERE token_hash = ? AND expires_at > now()",
                (rs, i) -> rs.getString(1), hash(accessToken)).stream().findFirst();
    }

    public void revokeAccess(String accessToken) {
        jdbc.update("DELETE FROM mobile_access_token WHERE token_hash = ?", hash(accessToken));
    }

    @Transactional
    public void revokeRefreshFamily(String refreshToken) {
        jdbc.update("DELETE FROM mobile_access_token WHERE family_id = "
                + "(SELECT family_id FROM mobile_refresh_token WHERE token_hash = ?)", hash(refreshToken));
        jdbc.update("DELETE FROM mobile_refresh_token WHERE family_id = "
                + "(SELECT family_id FROM mobile_refresh_token WHERE token_hash = ?)", hash(refreshToken));
    }

    public String rememberToken(String username) {
        String token = random();
        jdbc.update("INSERT INTO widget_remember (token_hash, username, expires_at) VALUES (?, ?, now() + interval '30 days')",
                hash(token), username);
        return token;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
