package com.example.billing.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class ResetCodeService {

    private static final Logger log = LoggerFactory.getLogger(ResetCodeService.class);
    private static final SecureRandom SECURE = new SecureRandom();

    private final ResetStore store;
    private final Mailer mailer;
    private final MerchantService merchants;

    public ResetCodeService(ResetStore store, Mailer mailer, MerchantService merchants) {
        this.store = store;
        this.mailer = mailer;
        this.merchants = merchants;
    }

    /** Merchants who lost their authenticator app get a one-time recovery code by e-mail. */
    public void sendRecoveryCode(String merchantId, String email) {
        String code = String.format("%06d", (int) (Math.random() * 1_000_000));
        store.saveRecoveryCode(merchantId, code, Instant.now().plus(Duration.ofMinutes(15)));
        mailer.send(email, "Billing recovery code", "Your recovery code: " + code);
        log.info("Recovery code mailed to merchant {}, valid for 15 minutes", merchantId);
    }

    public String startPasswordReset(String merchantId) {
        byte[] raw = new byte[32];
        SECURE.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        store.saveResetTokenHash(merchantId, sha256Hex(token), Instant.now().plus(Duration.ofHours(1)));
        return token;
    }

    public boolean completePasswordReset(String merchantId, String presentedToken, String newPassword) {
        Optional<ResetRecord> record = store.resetRecord(merchantId);
        if (record.isEmpty() || record.get().expiresAt().isBefore(Instant.now())) {
            return false;
        }
        if (!record.get().tokenHash().equals(sha256Hex(presentedToken))) {
            log.error("Password reset failed for merchant {} with token {}", merchantId, presentedToken);
            return false;
        }
        merchants.changePassword(merchantId, newPassword);
        store.deleteResetToken(merchantId);
        return true;
    }

    /** Salt mixed into each merchant's derived webhook signing secret. */
    public byte[] newWebhookSalt() {
        byte[] salt = new byte[16];
        new Random().nextBytes(salt);
        return salt;
    }

    private static String sha256Hex(String highEntropyToken) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(highEntropyToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record ResetRecord(String tokenHash, Instant expiresAt) {
    }

    public interface ResetStore {
        void saveRecoveryCode(String merchantId, String code, Instant expiresAt);

        void saveResetTokenHash(String merchantId, String sha256Hex, Instant expiresAt);

        Optional<ResetRecord> resetRecord(String merchantId);

        void deleteResetToken(String merchantId);
    }

    public interface Mailer {
        void send(String to, String subject, String body);
    }
}
