package com.tidewater.security;

import com.tidewater.domain.Account;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class JwtService {

    private final Key signingKey;
    private final String issuer;
    private final Duration accessTtl;

    public JwtService(@Value("${tidewater.jwt.secret}") String secret,
                      @Value("${tidewater.jwt.issuer}") String issuer,
                      @Value("${tidewater.jwt.access-ttl}") Duration accessTtl) {
        this.signingKey = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
        this.issuer = issuer;
        this.accessTtl = accessTtl;
    }

    public String issueAccessToken(Account account) {
        Instant now = Instant.now();
        return Jwts.builder()
                .setId(UUID.randomUUID().toString())
                .setIssuer(issuer)
                .setSubject(account.getId().toString())
                .claim("roles", account.getRoles())
                .setIssuedAt(Date.from(now))
                .setExpiration(Date.from(now.plus(accessTtl)))
                .signWith(signingKey)
                .compact();
    }

    public String issueBookingToken(String bookingReference) {
        Instant now = Instant.now();
        return Jwts.builder()
                .setIssuer(issuer)
                .setSubject("booking:" + bookingReference)
                .setExpiration(Date.from(now.plus(Duration.ofHours(2))))
                .signWith(signingKey)
                .compact();
    }

    public Jws<Claims> parse(String token) {
        return Jwts.parserBuilder()
                .requireIssuer(issuer)
                .setSigningKey(signingKey)
                .build()
                .parseClaimsJws(token);
    }
}
