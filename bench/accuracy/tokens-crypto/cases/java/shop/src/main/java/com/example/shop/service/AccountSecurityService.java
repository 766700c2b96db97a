package com.example.shop.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Service;

@Service
public class AccountSecurityService {

    private static final SecureRandom SECURE_RANDOM = new SecureRandom();
    private static final Duration RESET_TTL = Duration.ofMinutes(30);

    private final CustomerRepository customers;
    private final Notifier notifier;

    public AccountSecurityService(CustomerRepository customers, Notifier notifier) {
        this.customers = customers;
        this.notifier = notifier;
    }

    /** Personal API tokens for the storefront CLI. Only a hash is kept. */
    public String createApiToken(long customerId) throws NoSuchAlgorithmException {
        byte[] raw = new byte[32];
        SECURE_RANDOM.nextBytes(raw);
        String token = "shp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] lookupHash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        customers.saveApiTokenHash(customerId, HexFormat.of().formatHex(lookupHash));
        return token;
    }

    public void startPasswordReset(String email) {
        customers.findIdByEmail(email).ifPresent(id -> {
            String resetToken = newResetToken();
            customers.saveResetToken(id, resetToken, Instant.now().plus(RESET_TTL));
            notifier.sendResetLink(email, "https://shop.example.com/reset?token=" + resetToken);
        });
    }

    private static String newResetToken() {
        byte[] bytes = new byte[24];
        SECURE_RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Six-digit code sent by SMS as the second login factor. */
    public void sendLoginCode(long customerId, String phone) {
        int code = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        customers.saveLoginCode(customerId, code, Instant.now().plusSeconds(300));
        notifier.sendSms(phone, "Your Shop login code is " + code);
    }

    /** Spread the nightly reminder e-mails over an hour. */
    public Duration reminderDelay() {
        return Duration.ofSeconds(ThreadLocalRandom.current().nextInt(0, 3600));
    }

    public interface CustomerRepository {
        void saveApiTokenHash(long customerId, String sha256Hex);

        java.util.Optional<Long> findIdByEmail(String email);

        void saveResetToken(long customerId, String token, Instant expiresAt);

        void saveLoginCode(long customerId, int code, Instant expiresAt);
    }

    public interface Notifier {
        void sendResetLink(String email, String link);

        void sendSms(String phone, String text);
    }
}
