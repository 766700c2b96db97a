package com.example.portal.crypto;

import static com.example.portal.crypto.CryptoConstants.COOKIE_TRANSFORMATION;
import static com.example.portal.crypto.CryptoConstants.GCM_IV_BYTES;
import static com.example.portal.crypto.CryptoConstants.GCM_TAG_BITS;
import static com.example.portal.crypto.CryptoConstants.KEY_ALGORITHM;
import static com.example.portal.crypto.CryptoConstants.SESSION_TRANSFORMATION;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.portal.config.PortalConfig;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public class CookieCipher {

    private final SecretKey key;
    private final SecureRandom secureRandom = new SecureRandom();

    public CookieCipher(PortalConfig config) {
        this.key = new SecretKeySpec(config.cookieKey(), KEY_ALGORITHM);
    }

    public String encryptPreferences(String json) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(COOKIE_TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return Base64.getUrlEncoder().encodeToString(cipher.doFinal(json.getBytes(UTF_8)));
    }

    public byte[] sealSessionAttributes(byte[] serialized) throws GeneralSecurityException {
        byte[] iv = new byte[GCM_IV_BYTES];
        secureRandom.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(SESSION_TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, iv));
        byte[] ct = cipher.doFinal(serialized);
        return ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
    }

    /** Cookies set by the 2012 portal, before it moved to AES. */
    public String decryptLegacyCookie(String value, byte[] legacyKey) throws GeneralSecurityException {
        Cipher des = Cipher.getInstance("DES/ECB/PKCS5Padding");
        des.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOf(legacyKey, 8), "DES"));
        return new String(des.doFinal(Base64.getDecoder().decode(value)), UTF_8);
    }
}
