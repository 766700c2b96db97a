package com.lantern.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.lantern.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
public class TokenIssuer {

    private final Algorithm algorithm;
    private final String issuer;
    private final Duration accessTtl;
    private final JWTVerifier verifier;

    public TokenIssuer(@Value("${lantern.jwt.secret}") String secret,
                       @Value("${lantern.jwt.issuer}") String issuer,
                       @Value("${lantern.jwt.access-ttl}") Duration accessTtl) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.issuer = issuer;
        this.accessTtl = accessTtl;
        this.verifier = JWT.require(algorithm).withIssuer(issuer).build();
    }

    public String accessToken(Member member) {
        Instant now = Instant.now();
        return JWT.create()
                .withIssuer(issuer)
                .withJWTId(UUID.randomUUID().toString())
                .withSubject(member.getId().toString())
                .withClaim("ver", member.getTokenVersion())
                .withClaim("plan", member.getPlan())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(accessTtl))
                .sign(algorithm);
    }

    public DecodedJWT verify(String token) {
        return verifier.verify(token);
    }
}
