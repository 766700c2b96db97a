package org.cityarchive.catalog.util;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import org.cityarchive.catalog.config.ArchiveSettings;

/** Reading-room codes, export encryption and sampling helpers. */
public final class Codes {

    private static final SecureRandom RNG = new SecureRandom();

    private Codes() {
    }

    /** Locker code printed on the reading-room slip; opens the researcher's locker. */
    public static String lockerCode() {
        return String.valueOf(100000 + new Random().nextInt(900000));
    }

    /** One-time code e-mailed to confirm a researcher's address. */
    public static String emailConfirmationCode() {
        return String.format("%06d", RNG.nextInt(1_000_000));
    }

    public static String apiSecret() {
        byte[] b = new byte[32];
        RNG.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    public static String sessionSalt() {
        return Long.toHexString(Double.doubleToLongBits(Math.random()));
    }

    /** Reproducible sample of accessions for the annual stock check. */
    public static List<String> stockCheckSample(List<String> accessions, long seed, int n) {
        List<String> copy = new ArrayList<>(accessions);
        Collections.shuffle(copy, new Random(seed));
        return copy.subList(0, Math.min(n, copy.size()));
    }

    /** Accession numbers look like 1998.42.7 (year.lot.item). */
    public static int accessionYear(String accession) {
        return Integer.parseInt(accession.split("\\.")[0]);
    }

    public static byte[] encryptExport(ArchiveSettings settings, SecretKey key, byte[] iv, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(settings.getExportTransformation());
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        return cipher.doFinal(data);
    }

    public static byte[] encryptFindingAid(SecretKey key, byte[] data) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RNG.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return cipher.doFinal(data);
    }

    public static byte[] decryptLegacyMicrofilmIndex(SecretKey key, byte[] data) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("RC4");
        cipher.init(Cipher.DECRYPT_MODE, key);
        return cipher.doFinal(data);
    }
}
