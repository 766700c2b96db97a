package com.example.shop.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class ProductCatalogService {

    private static final Logger log = LoggerFactory.getLogger(ProductCatalogService.class);
    private static final Duration BASE_TTL = Duration.ofMinutes(10);

    private final ProductStore store;

    public ProductCatalogService(ProductStore store) {
        this.store = store;
    }

    /** Weak ETag for GET /api/products/{sku}; changes whenever the row version changes. */
    public String etagFor(Product product) throws NoSuchAlgorithmException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] digest = md5.digest((product.sku() + ":" + product.version()).getBytes(StandardCharsets.UTF_8));
        return "W/\"" + HexFormat.of().formatHex(digest) + "\"";
    }

    /** Key under which search results are cached in Redis. */
    public String searchCacheKey(String query, Locale locale) throws NoSuchAlgorithmException {
        String normalized = locale.toLanguageTag() + "|" + query.trim().toLowerCase(Locale.ROOT);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
        return "search:" + HexFormat.of().formatHex(digest);
    }

    /** Cache entries expire at slightly different times to avoid a stampede. */
    public Duration cacheTtl() {
        long jitterSeconds = ThreadLocalRandom.current().nextLong(0, 90);
        return BASE_TTL.plusSeconds(jitterSeconds);
    }

    /** The home page shows eight featured products in a random order. */
    public List<Product> featuredProducts() {
        List<Product> pool = new ArrayList<>(store.findFeatured());
        Collections.shuffle(pool, new Random());
        List<Product> page = pool.subList(0, Math.min(8, pool.size()));
        log.debug("Serving {} featured products out of {}", page.size(), pool.size());
        return page;
    }

    public record Product(String sku, String name, long version, long priceCents) {
    }

    public interface ProductStore {
        List<Product> findFeatured();
    }
}
