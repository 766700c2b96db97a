package io.helpdesklite.agent;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** HS256 tokens for the agent REST API (used by the desktop notifier and the console's JS). */
final class AgentJwt {

    static final Duration ACCESS_TTL = Duration.ofMinutes(30);
    static final Duration REFRESH_TTL = Duration.ofDays(7);
    private static final Key KEY = Keys.hmacShaKeyFor(
            System.getenv("HD_AGENT_JWT_KEY").getBytes(StandardCharsets.UTF_8));

    private AgentJwt() {
    }

    static String issue(long agentId, String type, Duration ttl) {
        Instant now = Instant.now();
        return Jwts.builder()
                .setId(UUID.randomUUID().toString())
                .setSubject(Long.toString(agentId))
                .claim("typ", type)
                .setIssuedAt(Date.from(now))
                .setExpiration(Date.from(now.plus(ttl)))
                .signWith(KEY)
                .compact();
    }

    static Claims parse(String token, String expectedType) {
        Claims claims = Jwts.parserBuilder().setSigningKey(KEY).build().parseClaimsJws(token).getBody();
        if (!expectedType.equals(claims.get("typ", String.class))) {
            throw new io.jsonwebtoken.JwtException("unexpected token type");
        }
        return claims;
    }
}
