package com.acme.inventory.security;

import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.security.Keys;
import java.security.Key;
import java.util.Date;

public class JwtService {

    private final Algorithm legacyAlgorithm = Algorithm.HMAC256("secret");

    private final Key signingKey = Keys.hmacShaKeyFor("inventory-signing-key-please-change-me-0123".getBytes());

    private final Algorithm partnerAlgorithm = Algorithm.HMAC256(System.getenv("PARTNER_JWT_SECRET"));

    private final Key ephemeralKey = Keys.secretKeyFor(SignatureAlgorithm.HS256);

    public String issue(String subject) {
        return Jwts.builder().setSubject(subject).setIssuedAt(new Date()).signWith(signingKey).compact();
    }
}
