package com.example.billing.crypto;

/**
 * JCA transformation strings used by the card vault and the settlement exporters.
 * Keep them here so that the key-rotation job and the vault agree on them.
 */
public final class CipherSpecs {

    /** Card vault records (PAN, expiry). */
    public static final String VAULT_TRANSFORMATION = "ChaCha20-Poly1305";

    /** Settlement files for the Acme acquirer; their importer only understands Blowfish. */
    public static final String ACME_EXPORT_TRANSFORMATION = "Blowfish/CBC/PKCS5Padding";

    /** Encrypt-then-MAC envelope for statements that are mailed to merchants. */
    public static final String STATEMENT_TRANSFORMATION = "AES/CBC/PKCS5Padding";

    public static final String STATEMENT_MAC = "HmacSHA256";

    public static final int VAULT_NONCE_BYTES = 12;

    public static final int CBC_IV_BYTES = 16;

    /** Length in bytes of the HMAC-SHA256 tag appended to sealed statements. */
    public static final int STATEMENT_TAG_BYTES = 32;

    /** Key ids are rotated yearly; the id is stored next to each sealed record. */
    public static final String KEY_ID_PREFIX = "vault-";

    private CipherSpecs() {
    }
}
