package com.example.billing.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.Md4PasswordEncoder;
import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;
import org.springframework.security.crypto.password.StandardPasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

/**
 * One encoder per user population. Merchants use the primary encoder; the others
 * belong to systems billing took over from acquired companies.
 */
@Configuration
@SuppressWarnings("deprecation")
public class EncoderConfig {

    @Value("${billing.security.pepper:}")
    private String pepper;

    @Bean
    @Primary
    public PasswordEncoder merchantPasswordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    @Qualifier("support")
    public PasswordEncoder supportPasswordEncoder() {
        return new SCryptPasswordEncoder(131072, 8, 1, 32, 16);
    }

    @Bean
    @Qualifier("apiClients")
    public PasswordEncoder apiClientSecretEncoder() {
        return new Pbkdf2PasswordEncoder(pepper, 16, 600_000, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
    }

    /** Reseller portal inherited from Initech; it stored unsalted SHA-256. */
    @Bean
    @Qualifier("resellers")
    public PasswordEncoder resellerPasswordEncoder() {
        return new MessageDigestPasswordEncoder("SHA-256");
    }

    /** Payment terminals provisioned before 2019. */
    @Bean
    @Qualifier("terminals")
    public PasswordEncoder terminalPasswordEncoder() {
        return new StandardPasswordEncoder(pepper);
    }

    /** RADIUS accounts for the dial-in reconciliation lines. */
    @Bean
    @Qualifier("radius")
    public PasswordEncoder radiusPasswordEncoder() {
        return new Md4PasswordEncoder();
    }

    /** Sub-accounts created by resellers; matches what the reseller portal used to do. */
    @Bean
    @Qualifier("subAccounts")
    public PasswordEncoder subAccountPasswordEncoder() {
        return new Pbkdf2PasswordEncoder(pepper, 16, 185_000, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
    }
}
