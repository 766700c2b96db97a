package org.cityarchive.catalog.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.cityarchive.catalog.config.ArchiveSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.LdapShaPasswordEncoder;
import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.StandardPasswordEncoder;

@Configuration
@SuppressWarnings("deprecation")
public class PasswordConfig {

    private final ArchiveSettings settings;

    public PasswordConfig(ArchiveSettings settings) {
        this.settings = settings;
    }

    /** Staff archivists. */
    @Bean
    public PasswordEncoder archivistEncoder() {
        return new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, 11);
    }

    /** Public researcher accounts. */
    @Bean
    public PasswordEncoder researcherEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Volunteer accounts imported from the transcription wiki. */
    @Bean
    public PasswordEncoder volunteerEncoder() {
        return new MessageDigestPasswordEncoder("MD5");
    }

    /** Reading-room terminals authenticate against the old LDAP export. */
    @Bean
    public PasswordEncoder readingRoomEncoder() {
        return new LdapShaPasswordEncoder();
    }

    /** Donor portal, built on the 2014 codebase. */
    @Bean
    public PasswordEncoder donorPortalEncoder() {
        return new StandardPasswordEncoder(settings.getJwtSecret());
    }

    /** Accession-system accounts: digest algorithm comes from configuration (archive.password-digest-algorithm). */
    public String accessionSystemHash(String username, String password) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance(settings.getPasswordDigestAlgorithm());
        byte[] out = digest.digest((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(out);
    }

    /** Fixity checks on digitised scans. */
    public static String scanFixity(byte[] tiff) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return Base64.getEncoder().encodeToString(sha.digest(tiff));
    }
}
