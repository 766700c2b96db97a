package com.example.billing.service;

import static com.example.billing.crypto.CipherSpecs.ACME_EXPORT_TRANSFORMATION;
import static com.example.billing.crypto.CipherSpecs.CBC_IV_BYTES;
import static com.example.billing.crypto.CipherSpecs.STATEMENT_MAC;
import static com.example.billing.crypto.CipherSpecs.STATEMENT_TRANSFORMATION;
import static com.example.billing.crypto.CipherSpecs.VAULT_NONCE_BYTES;
import static com.example.billing.crypto.CipherSpecs.VAULT_TRANSFORMATION;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

@Service
public class CardVaultService {

    private final SecureRandom rng = new SecureRandom();
    private final KeyRing keys;

    public CardVaultService(KeyRing keys) {
        this.keys = keys;
    }

    public byte[] sealCard(byte[] cardRecord) throws GeneralSecurityException {
        byte[] nonce = new byte[VAULT_NONCE_BYTES];
        rng.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance(VAULT_TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, keys.vaultKey(), new IvParameterSpec(nonce));
        return concat(nonce, cipher.doFinal(cardRecord));
    }

    public byte[] exportForAcme(byte[] settlementCsv, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(ACME_EXPORT_TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.acmeKeyBytes(), "Blowfish"), new IvParameterSpec(iv));
        return cipher.doFinal(settlementCsv);
    }

    /** The Globex acquirer still wants its nightly totals stream-encrypted. */
    public byte[] exportForGlobex(byte[] totals) throws GeneralSecurityException {
        Cipher rc4 = Cipher.getInstance("RC4");
        rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.globexKeyBytes(), "RC4"));
        return rc4.update(totals);
    }

    /** Encrypt-then-MAC: AES-CBC ciphertext authenticated with HMAC-SHA256 over IV and ciphertext. */
    public byte[] sealStatement(byte[] pdf) throws GeneralSecurityException {
        byte[] iv = new byte[CBC_IV_BYTES];
        rng.nextBytes(iv);
        Cipher aesCbc = Cipher.getInstance(STATEMENT_TRANSFORMATION);
        aesCbc.init(Cipher.ENCRYPT_MODE, keys.statementEncKey(), new IvParameterSpec(iv));
        byte[] body = concat(iv, aesCbc.doFinal(pdf));
        Mac mac = Mac.getInstance(STATEMENT_MAC);
        mac.init(keys.statementMacKey());
        return concat(body, mac.doFinal(body));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    public interface KeyRing {
        SecretKey vaultKey();

        byte[] acmeKeyBytes();

        byte[] globexKeyBytes();

        SecretKey statementEncKey();

        SecretKey statementMacKey();
    }
}
