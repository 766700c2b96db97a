package com.example.shop.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.LdapShaPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password encoders. Customers, staff and the accounts imported from the
 * wholesale platform are stored in different tables and encoded differently.
 */
@Configuration
public class PasswordConfig {

    /** Bulk import of ~2M wholesale accounts took hours at the default cost. */
    private static final int WHOLESALE_IMPORT_STRENGTH = 8;

    @Bean
    @Primary
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Qualifier("customerPasswordEncoder")
    public PasswordEncoder customerPasswordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Qualifier("staffPasswordEncoder")
    public PasswordEncoder staffPasswordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    @Qualifier("wholesalePasswordEncoder")
    public PasswordEncoder wholesalePasswordEncoder() {
        return new BCryptPasswordEncoder(WHOLESALE_IMPORT_STRENGTH);
    }

    /** Passwords synchronised into the warehouse LDAP directory. */
    @Bean
    @Qualifier("ldapPasswordEncoder")
    @SuppressWarnings("deprecation")
    public PasswordEncoder ldapPasswordEncoder() {
        return new LdapShaPasswordEncoder();
    }

    /** Local profile only: seed data in data-local.sql has clear-text passwords. */
    @Bean
    @Profile("local")
    @Qualifier("seedPasswordEncoder")
    @SuppressWarnings("deprecation")
    public PasswordEncoder seedPasswordEncoder() {
        return NoOpPasswordEncoder.getInstance();
    }

    /** Encoder for kiosk PINs, tuned to the OWASP argon2id minimum. */
    @Bean
    @Qualifier("kioskPinEncoder")
    public PasswordEncoder kioskPinEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    }
}
