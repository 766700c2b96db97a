package com.harbourline.ferry.crypto;

import static com.harbourline.ferry.config.SecurityProps.MANIFEST_TRANSFORMATION;
import static com.harbourline.ferry.config.SecurityProps.QR_TRANSFORMATION;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import org.springframework.stereotype.Component;

/** Encryption of boarding passes and manifests, and generation of booking codes. */
@Component
public class TicketCrypto {

    private static final SecureRandom SECURE = new SecureRandom();
    private static final char[] CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private final Random random = new Random();

    public byte[] encryptManifest(SecretKey key, byte[] manifest) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        SECURE.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(MANIFEST_TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return ByteBuffer.allocate(iv.length + manifest.length + 16).put(iv).put(cipher.doFinal(manifest)).array();
    }

    public byte[] encryptBoardingQr(SecretKey key, byte[] payload) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(QR_TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(payload);
    }

    /** The port authority's customs gateway still uses triple DES. */
    public byte[] encryptCustomsDeclaration(SecretKey desedeKey, byte[] iv, byte[] declaration) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, desedeKey, new IvParameterSpec(iv));
        return cipher.doFinal(declaration);
    }

    public byte[] encryptCrewRoster(SecretKey key, byte[] roster) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(roster);
    }

    public byte[] decryptOldLoyaltyExport(SecretKey key, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("Blowfish");
        cipher.init(Cipher.DECRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    /** Six-character booking reference printed on tickets and used to manage a booking. */
    public String bookingReference() {
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            sb.append(CODE_CHARS[random.nextInt(CODE_CHARS.length)]);
        }
        return sb.toString();
    }

    public String boardingPin() {
        return String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    }

    public String temporaryCrewPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(CODE_CHARS[(int) (Math.random() * CODE_CHARS.length)]);
        }
        return sb.toString();
    }

    public String checkInToken() {
        byte[] bytes = new byte[24];
        SECURE.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String correlationId() {
        return UUID.randomUUID().toString();
    }

    /** Spread retries to the port API over a few seconds. */
    public long retryDelayMillis(int attempt) {
        return (1L << Math.min(attempt, 6)) * 200 + ThreadLocalRandom.current().nextLong(250);
    }

    /** Pick a seat-map colour theme for the booking page. */
    public String seatMapTheme() {
        String[] themes = {"harbour", "sunset", "fjord"};
        return themes[random.nextInt(themes.length)];
    }
}
