package com.example.portal.crypto;

/**
 * Cipher settings shared by the cookie cipher and the session-store encryption.
 */
public final class CryptoConstants {

    /** Encrypted "preferences" cookie written by portal v1 and still read by v3. */
    public static final String COOKIE_TRANSFORMATION = "AES/ECB/PKCS5Padding";

    /** Server-side session attributes persisted to the database. */
    public static final String SESSION_TRANSFORMATION = "AES/GCM/NoPadding";

    public static final int GCM_TAG_BITS = 128;

    public static final int GCM_IV_BYTES = 12;

    public static final String KEY_ALGORITHM = "AES";

    /** Name of the cookie that carries the encrypted preferences. */
    public static final String PREFERENCES_COOKIE = "portal_prefs";

    /** Maximum size of a serialized session before it is rejected. */
    public static final int MAX_SESSION_BYTES = 64 * 1024;

    /** Sessions older than this are not decrypted at all. */
    public static final long MAX_SESSION_AGE_SECONDS = 8 * 3600;

    private CryptoConstants() {
    }
}
