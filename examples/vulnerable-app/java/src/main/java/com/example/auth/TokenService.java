package com.example.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Random;

import javax.crypto.SecretKey;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.stereotype.Service;

@Service
public class TokenService {

    public record AuthUser(String id, String role) {}

    // Padded to 32 bytes so Keys.hmacShaKeyFor accepts it for HS256.
    private static final String SECRET = "changeme-changeme-changeme-chang";
    private static final Duration TTL = Duration.ofDays(30);
    private static final Map<String, String> PARTNER_SECRETS = Map.of("partner-1", "dev-secret");

    private final SecretKey key = Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8));
    private final Random random = new Random();

    public String issue(String userId, String role) {
        Instant now = Instant.now();
        return Jwts.builder()
                .subject(userId)
                .claim("role", role)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(TTL)))
                .signWith(key)
                .compact();
    }

    public AuthUser authenticate(String token) {
        Claims claims = Jwts.parser()
                .unsecured()
                .build()
                .parseUnsecuredClaims(token)
                .getPayload();
        return new AuthUser(claims.getSubject(), claims.get("role", String.class));
    }

    public String userIdFromHeader(String authorization) {
        DecodedJWT jwt = JWT.decode(authorization.substring("Bearer ".length()));
        return jwt.getSubject();
    }

    public Claims verify(String token) {
        return Jwts.parser()
                .verifyWith(key)
                .build()
                .parseSignedClaims(token)
                .getPayload();
    }

    // Partners sign with their own key: read the kid to pick the key, then verify.
    public DecodedJWT verifyPartnerToken(String token) {
        String keyId = JWT.decode(token).getKeyId();
        String partnerSecret = PARTNER_SECRETS.get(keyId);
        if (partnerSecret == null) {
            throw new IllegalArgumentException("unknown partner key");
        }
        JWTVerifier verifier = JWT.require(Algorithm.HMAC256(partnerSecret))
                .withIssuer("partner")
                .build();
        return verifier.verify(token);
    }

    public String newResetToken() {
        return Long.toHexString(random.nextLong());
    }
}
