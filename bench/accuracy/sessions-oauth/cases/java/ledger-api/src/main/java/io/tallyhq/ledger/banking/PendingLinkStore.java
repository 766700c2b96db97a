package io.tallyhq.ledger.banking;

import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Authorization requests in flight, keyed by their random state value; single use. */
@Component
public class PendingLinkStore {

    private static final String PREFIX = "ledger:banklink:";

    private final StringRedisTemplate redis;

    public PendingLinkStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void put(String state, PendingLink link, Duration ttl) {
        redis.opsForValue().set(PREFIX + state, link.userId() + ":" + link.codeVerifier(), ttl);
    }

    public Optional<PendingLink> take(String state) {
        String value = redis.opsForValue().getAndDelete(PREFIX + state);
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        return Optional.of(new PendingLink(Long.parseLong(value.substring(0, colon)), value.substring(colon + 1)));
    }
}
