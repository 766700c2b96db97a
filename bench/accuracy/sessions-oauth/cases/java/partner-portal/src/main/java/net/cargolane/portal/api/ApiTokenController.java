package net.cargolane.portal.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** v2 API tokens for partner scripts: refresh and revoke. */
@RestController
@RequestMapping("/api/v2/token")
public class ApiTokenController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public ApiTokenController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static class RefreshBody {
        public String refreshToken;
    }

    @PostMapping("/refresh")
    @Transactional
    public Map<String, Object> refresh(@RequestBody RefreshBody body) {
        String presented = hash(body.refreshToken);
        List<Long> partner = jdbc.queryForList(
                "SELECT partner_id FROM api_refresh WHERE token_hash = ? AND NOT revoked AND expires_at > now() FOR UPDATE",
                Long.class, presented);
        if (partner.isEmpty()) {
            jdbc.update("UPDATE api_refresh SET revoked = true WHERE family_id = "
                    + "(SELECT family_id FROM api_refresh WHERE token_hash = ?)", presented);
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        jdbc.update("UPDATE api_refresh SET revoked = true WHERE token_hash = ?", presented);
        String refresh = insertRefresh(partner.get(0), presented);
        return Map.of("access_token", insertAccess(partner.get(0)), "refresh_token", refresh, "expires_in", 600);
    }

    /** Same as refresh but for the nightly batch runner, which also wants the refresh window extended. */
    @PostMapping("/refresh/batch")
    @Transactional
    public Map<String, Object> refreshBatch(@RequestBody RefreshBody body) {
        String presented = hash(body.refreshToken);
        int updated = jdbc.update(
                "UPDATE api_refresh SET expires_at = now() + interval '7 days' WHERE token_hash = ? AND NOT revoked",
                presented);
        if (updated == 0) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        Long partnerId = jdbc.queryForObject("SELECT partner_id FROM api_refresh WHERE token_hash = ?", Long.class, presented);
        return Map.of("access_token", insertAccess(partnerId), "refresh_token", body.refreshToken, "expires_in", 600);
    }

    /** Plug-in marketplace connector: hands out an extra refresh token per install. */
    @PostMapping("/refresh/connector")
    @Transactional
    public Map<String, Object> refreshConnector(@RequestBody RefreshBody body) {
        String presented = hash(body.refreshToken);
        Long partnerId = jdbc.query("SELECT partner_id FROM api_refresh WHERE token_hash = ? AND NOT revoked",
                rs -> rs.next() ? rs.getLong(1) : null, presented);
        if (partnerId == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        String connectorRefresh = insertRefresh(partnerId, presented);
        return Map.of("access_token", insertAccess(partnerId), "refresh_token", connectorRefresh, "expires_in", 600);
    }

    /** Partner scripts call this when they finish; everything issued to the partner is revoked. */
    @PostMapping("/revoke-all")
    public ResponseEntity<Void> revokeAll(Authentication partner) {
        long partnerId = Long.parseLong(partner.getName().substring("partner:".length()));
        jdbc.update("UPDATE api_access SET revoked_at = now() WHERE partner_id = ? AND revoked_at IS NULL", partnerId);
        jdbc.update("UPDATE api_refresh SET revoked = true WHERE partner_id = ?", partnerId);
        return ResponseEntity.noContent().build();
    }

    private String insertRefresh(long partnerId, String parentHash) {
        String token = random();
        jdbc.update("INSERT INTO api_refresh (token_hash, partner_id, family_id, expires_at) "
                + "SELECT ?, ?, family_id, now() + interval '7 days' FROM api_refresh WHERE token_hash = ?",
                hash(token), partnerId, parentHash);
        return token;
    }

    private String insertAccess(long partnerId) {
        String token = random();
        jdbc.update("INSERT INTO api_access (token_hash, partner_id, expires_at) VALUES (?, ?, now() + interval '10 minutes')",
                hash(token), partnerId);
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
