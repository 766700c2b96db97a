package com.example.billing.service;

import com.example.billing.config.BillingSecurityProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.stereotype.Service;

@Service
public class MerchantService {

    private final BillingSecurityProperties props;
    private final MerchantStore store;

    public MerchantService(BillingSecurityProperties props, MerchantStore store) {
        this.props = props;
        this.store = store;
    }

    public void changePassword(String merchantId, String newPassword) {
        byte[] salt = store.saltFor(merchantId);
        store.savePasswordHash(merchantId, HexFormat.of().formatHex(derive(newPassword, salt)));
    }

    public boolean passwordMatches(String merchantId, String candidate) {
        byte[] expected = HexFormat.of().parseHex(load(merchantId).passwordHash());
        return MessageDigest.isEqual(expected, derive(candidate, store.saltFor(merchantId)));
    }

    private byte[] derive(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, props.getPbkdf2Iterations(), props.getPbkdf2KeyLength());
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }

    public NewApiKey createApiKey(String merchantId) {
        try {
            byte[] raw = new byte[32];
            SecureRandom.getInstanceStrong().nextBytes(raw);
            String rawKey = "bk_live_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            byte[] keyHash = MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
            String id = UUID.randomUUID().toString();
            store.saveApiKeyHash(merchantId, id, HexFormat.of().formatHex(keyHash));
            return new NewApiKey(id, rawKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Merchant load(String merchantId) {
        return store.find(merchantId).orElseThrow();
    }

    public OAuthApp findApp(String merchantId, String clientId) {
        return store.findApp(merchantId, clientId).orElseThrow();
    }

    public List<Map<String, Object>> payouts(String merchantId) {
        return store.payouts(merchantId);
    }

    public boolean isValidRefreshToken(String merchantId, String refreshToken) {
        return store.refreshTokenActive(merchantId, refreshToken);
    }

    public String newAccessToken(String merchantId) {
        return store.mintAccessToken(merchantId);
    }

    public record Merchant(String id, String email, String passwordHash) {
    }

    public record OAuthApp(String clientId, String name, List<String> redirectUris, String clientSecret) {
    }

    public record NewApiKey(String id, String rawKey) {
    }

    public interface MerchantStore {
        java.util.Optional<Merchant> find(String id);

        java.util.Optional<OAuthApp> findApp(String merchantId, String clientId);

        byte[] saltFor(String merchantId);

        void savePasswordHash(String merchantId, String hex);

        void saveApiKeyHash(String merchantId, String keyId, String sha256Hex);

        List<Map<String, Object>> payouts(String merchantId);

        boolean refreshTokenActive(String merchantId, String refreshToken);

        String mintAccessToken(String merchantId);
    }
}
