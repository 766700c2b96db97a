package com.example.shop.service;

import com.example.shop.config.ShopSecurityProperties;
import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Staff accounts are shared with the point-of-sale terminals in the stores, which
 * verify passwords offline against a digest pushed to them every night.
 */
@Service
public class StaffCredentialService {

    private static final Logger log = LoggerFactory.getLogger(StaffCredentialService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Value("${security.hash.algorithm}")
    private String hashAlgorithm;

    private final ShopSecurityProperties props;
    private final StaffRepository staff;

    public StaffCredentialService(ShopSecurityProperties props, StaffRepository staff) {
        this.props = props;
        this.staff = staff;
    }

    @PostConstruct
    void announce() {
        log.info("POS password digests use {}", hashAlgorithm);
    }

    public void changePassword(long staffId, String newPassword) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String posDigest = posDigest(newPassword, salt);
        String backOffice = HexFormat.of().formatHex(pbkdf2(newPassword.toCharArray(), salt));
        staff.updateCredentials(staffId, HexFormat.of().formatHex(salt), posDigest, backOffice);
        log.info("password_changed=true staffId={}", staffId);
    }

    private String posDigest(String password, byte[] salt) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(hashAlgorithm);
        md.update(salt);
        byte[] digest = md.digest(password.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private byte[] pbkdf2(char[] password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, props.getPbkdf2Iterations(), props.getPbkdf2KeyLength());
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        try {
            return factory.generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    public interface StaffRepository {
        void updateCredentials(long staffId, String saltHex, String posDigest, String backOfficeHash);
    }
}
