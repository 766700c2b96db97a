package com.harbourline.ferry.accounts;

import static com.harbourline.ferry.config.SecurityProps.KIOSK_PBKDF2_ITERATIONS;
import static com.harbourline.ferry.config.SecurityProps.PBKDF2_ITERATIONS;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Credential digests for systems that cannot use the Spring encoders. */
@Component
public class PasswordDigests {

    private final String loyaltyAlgorithm;

    public PasswordDigests(@Value("${loyalty.password-digest:SHA-256}") String loyaltyAlgorithm) {
        this.loyaltyAlgorithm = loyaltyAlgorithm;
    }

    /** Loyalty-card partner expects hex(digest(salt + password)). */
    public String loyaltyHash(String password, String salt) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance(loyaltyAlgorithm);
        return HexFormat.of().formatHex(md.digest((salt + password).getBytes(UTF_8)));
    }

    /** Onboard Wi-Fi captive portal: the vendor appliance stores SHA-1 hex. */
    public static String wifiPortalHash(String password) throws NoSuchAlgorithmException {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] out = sha1.digest(password.getBytes(UTF_8));
        return HexFormat.of().formatHex(out);
    }

    /** Self-service kiosk accounts. */
    public static byte[] kioskHash(char[] password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, KIOSK_PBKDF2_ITERATIONS, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    public static byte[] staffHash(char[] password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, PBKDF2_ITERATIONS, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    public static byte[] archiveHash(char[] password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, 10000, 512);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    }

    /** Timetable PDFs are cached by content hash. */
    public static String timetableEtag(byte[] pdf) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(pdf));
    }

    /** API tokens are 32 random bytes; only their SHA-256 is stored. */
    public static String apiTokenDigest(String token) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(token.getBytes(UTF_8)));
    }

    public static String signManifest(byte[] key, String manifest) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(manifest.getBytes(UTF_8)));
    }
}
