package com.example.shop.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts stored payment metadata (billing address, last four digits, wallet ids).
 */
@Component
public class PaymentDataCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String LEGACY_TRANSFORMATION = "DESede/CBC/PKCS5Padding";
    private static final int GCM_TAG_BITS = 128;
    private static final int IV_BYTES = 12;

    private final SecureRandom secureRandom = new SecureRandom();
    private final SecretKey dataKey;
    private final byte[] legacyKeyBytes;
    private final SecretKey fingerprintKey;

    public PaymentDataCipher(@Value("${shop.crypto.data-key}") String dataKeyB64,
                             @Value("${shop.crypto.legacy-key}") String legacyKeyB64,
                             @Value("${shop.crypto.fingerprint-key}") String fingerprintKeyB64) {
        this.dataKey = new SecretKeySpec(Base64.getDecoder().decode(dataKeyB64), "AES");
        this.legacyKeyBytes = Base64.getDecoder().decode(legacyKeyB64);
        this.fingerprintKey = new SecretKeySpec(Base64.getDecoder().decode(fingerprintKeyB64), "AES");
    }

    public String encrypt(String plaintext) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        secureRandom.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
        byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
    }

    public String decrypt(String encoded) throws GeneralSecurityException {
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
        byte[] iv = new byte[IV_BYTES];
        buf.get(iv);
        byte[] ct = new byte[buf.remaining()];
        buf.get(ct);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
        return new String(cipher.doFinal(ct), StandardCharsets.UTF_8);
    }

    /** Rows written before 2021 by the old checkout service. */
    public String decryptLegacy(byte[] iv, byte[] ciphertext) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(LEGACY_TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(legacyKeyBytes, "DESede"), new IvParameterSpec(iv));
        return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
    }

    /** Deterministic so equal card numbers map to equal fingerprints for duplicate detection. */
    public String cardFingerprint(String pan) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES");
        cipher.init(Cipher.ENCRYPT_MODE, fingerprintKey);
        return Base64.getEncoder().encodeToString(cipher.doFinal(pan.getBytes(StandardCharsets.US_ASCII)));
    }
}
