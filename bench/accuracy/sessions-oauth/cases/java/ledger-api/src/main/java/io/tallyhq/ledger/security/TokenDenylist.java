package io.tallyhq.ledger.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Access-token jtis revoked before their natural expiry, kept in Redis until then. */
@Component
public class TokenDenylist {

    private static final String PREFIX = "ledger:deny:";

    private final StringRedisTemplate redis;

    public TokenDenylist(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void revoke(String jti, Instant expiresAt) {
        Duration ttl = Duration.between(Instant.now(), expiresAt);
        if (!ttl.isNegative() && !ttl.isZero()) {
            redis.opsForValue().set(PREFIX + jti, "1", ttl);
        }
    }

    public boolean isRevoked(String jti) {
        return jti == null || Boolean.TRUE.equals(redis.hasKey(PREFIX + jti));
    }
}
