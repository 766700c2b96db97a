package com.example.billing.security;

import com.example.billing.config.JwtSettings;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwt;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.security.Key;
import java.time.Instant;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Session tokens of the customer billing portal (jjwt 0.11 API).
 */
@Component
public class SessionTokenParser {

    private final Key signingKey;

    public SessionTokenParser(@Value("${billing.jwt.signing-key}") String keyB64) {
        this.signingKey = Keys.hmacShaKeyFor(Decoders.BASE64.decode(keyB64));
    }

    public String issueSessionToken(String customerId, String role) {
        Instant now = Instant.now();
        String sessionJws = Jwts.builder()
                .setIssuer(JwtSettings.ISSUER)
                .setAudience(JwtSettings.AUDIENCE)
                .setSubject(customerId)
                .claim("role", role)
                .setIssuedAt(Date.from(now))
                .setExpiration(Date.from(now.plus(JwtSettings.ACCESS_TTL)))
                .signWith(signingKey, SignatureAlgorithm.HS256)
                .compact();
        return sessionJws;
    }

    public Claims parseSession(String token) {
        Jws<Claims> session = Jwts.parserBuilder()
                .setSigningKey(signingKey)
                .requireIssuer(JwtSettings.ISSUER)
                .requireAudience(JwtSettings.AUDIENCE)
                .build()
                .parseClaimsJws(token);
        return session.getBody();
    }

    /** Tokens minted by the scheduler for batch jobs. */
    public Claims parseJobToken(String token) {
        Jwt<?, ?> job = Jwts.parserBuilder()
                .setSigningKey(signingKey)
                .requireIssuer(JwtSettings.ISSUER)
                .build()
                .parse(token);
        return (Claims) job.getBody();
    }

    /** CSV export links sent by e-mail. */
    public Claims parseExportToken(String token) {
        return Jwts.parserBuilder().setSigningKey(signingKey).build().parseClaimsJws(token).getBody();
    }

    /** Reconciliation tokens from acquiring partners, whose servers drift. */
    public Claims parseReconciliationToken(String token) {
        Claims recon = Jwts.parserBuilder()
                .setSigningKey(signingKey)
                .requireAudience(JwtSettings.AUDIENCE)
                .setAllowedClockSkewSeconds(900)
                .build()
                .parseClaimsJws(token)
                .getBody();
        return recon;
    }

    public Claims parseBatchToken(String token) {
        Claims batch = Jwts.parserBuilder()
                .setSigningKey(signingKey)
                .requireIssuer(JwtSettings.ISSUER)
                .setAllowedClockSkewSeconds(60)
                .build()
                .parseClaimsJws(token)
                .getBody();
        return batch;
    }
}
