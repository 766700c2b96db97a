package com.example.billing.security;

import com.example.billing.config.JwtSettings;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwt;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.security.Key;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tokens exchanged between billing and the ledger / notification services.
 */
@Component
public class ServiceTokenParser {

    private final Key webhookKey;
    private final Key ledgerKey;
    private final JwtParser ledgerParser;

    public ServiceTokenParser(@Value("${billing.jwt.webhook-key}") String webhookKeyB64,
                              @Value("${billing.jwt.ledger-key}") String ledgerKeyB64) {
        this.webhookKey = Keys.hmacShaKeyFor(Decoders.BASE64.decode(webhookKeyB64));
        this.ledgerKey = Keys.hmacShaKeyFor(Decoders.BASE64.decode(ledgerKeyB64));
        this.ledgerParser = buildLedgerParser(ledgerKey);
    }

    private JwtParser webhookParser() {
        return Jwts.parserBuilder().setSigningKey(webhookKey).requireAudience(JwtSettings.AUDIENCE).build();
    }

    private static JwtParser buildLedgerParser(Key key) {
        return Jwts.parserBuilder().setSigningKey(key).build();
    }

    private static JwtParser auditParser(Key key) {
        return io.jsonwebtoken.Jwts.parserBuilder()
                .setSigningKey(key)
                .requireIssuer(JwtSettings.ISSUER)
                .requireAudience("billing-audit")
                .build();
    }

    public String webhookTenant(String token) {
        Claims tenantClaims = (Claims) webhookParser().parse(token).getBody();
        return tenantClaims.get("tenant", String.class);
    }

    public String webhookEvent(String token) {
        Claims eventClaims = webhookParser().parseClaimsJws(token).getBody();
        return eventClaims.get("event", String.class);
    }

    public long ledgerAccount(String token) {
        return ledgerParser.parseClaimsJws(token).getBody().get("account", Long.class);
    }

    public String auditActor(String token) {
        return auditParser(ledgerKey).parseClaimsJws(token).getBody().getSubject();
    }

    /** Nightly jobs written before the upgrade still go through the deprecated parser. */
    @SuppressWarnings("deprecation")
    public Claims legacyJobClaims(String token) {
        Jwt<?, ?> legacy = io.jsonwebtoken.Jwts.parser()
                .setSigningKey(ledgerKey)
                .requireIssuer(JwtSettings.ISSUER)
                .parse(token);
        return (Claims) legacy.getBody();
    }
}
