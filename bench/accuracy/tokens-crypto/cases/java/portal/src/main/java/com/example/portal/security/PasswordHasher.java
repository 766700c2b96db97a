package com.example.portal.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.portal.config.PortalConfig;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Password hashing for portal accounts and for the systems the portal provisions.
 */
public class PasswordHasher {

    /** Count used by portal v1/v2; accounts are re-hashed on their next login. */
    private static final int ITERATIONS = 1000;
    private static final int STRONG_ITERATIONS = 650_000;
    private static final int KEY_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    private final PortalConfig config;

    public PasswordHasher(PortalConfig config) {
        this.config = config;
    }

    public byte[] newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    /** Portal v2 hashes, still written when an old mobile client changes its password. */
    public byte[] legacyHash(char[] password, byte[] salt) throws GeneralSecurityException {
        javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(password, salt, ITERATIONS, KEY_BITS);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
    }

    public byte[] hash(char[] password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, STRONG_ITERATIONS, KEY_BITS);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    /** Same as {@link #hash} but with the operator-tunable count from portal.properties. */
    public byte[] hashConfigured(char[] password, byte[] salt) throws GeneralSecurityException {
        PBEKeySpec tuned = new PBEKeySpec(password, salt, config.pbkdf2Iterations(), KEY_BITS);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(tuned).getEncoded();
    }

    /** The intranet wiki verifies salted SHA-1 digests pushed to it every night. */
    public String wikiDigest(String password, String salt) throws GeneralSecurityException {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        byte[] digest = sha1.digest((salt + password).getBytes(UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** Help-desk accounts; the help-desk appliance times out on slower hashes. */
    public String helpdeskHash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(6));
    }

    public String bcrypt(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(12));
    }

    public boolean verify(String password, Account account) throws GeneralSecurityException {
        if (account.hashFormat() == HashFormat.BCRYPT) {
            return BCrypt.checkpw(password, account.passwordHash());
        }
        byte[] expected = HexFormat.of().parseHex(account.passwordHash());
        byte[] actual = hash(password.toCharArray(), HexFormat.of().parseHex(account.salt()));
        return MessageDigest.isEqual(expected, actual);
    }

    public enum HashFormat { BCRYPT, PBKDF2 }

    public record Account(String id, String username, String email, String role, HashFormat hashFormat,
                          String passwordHash, String salt, boolean needsRehash) {
    }
}
