package com.example.billing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from {@code billing.security.*} (see application.yml).
 */
@ConfigurationProperties(prefix = "billing.security")
public class BillingSecurityProperties {

    /** PBKDF2 iteration count for merchant portal passwords. */
    private int pbkdf2Iterations = 210_000;

    private int pbkdf2KeyLength = 256;

    /** Shared key the scheduler uses for /internal/** calls. */
    private String internalApiKey;

    public int getPbkdf2Iterations() {
        return pbkdf2Iterations;
    }

    public void setPbkdf2Iterations(int pbkdf2Iterations) {
        this.pbkdf2Iterations = pbkdf2Iterations;
    }

    public int getPbkdf2KeyLength() {
        return pbkdf2KeyLength;
    }

    public void setPbkdf2KeyLength(int pbkdf2KeyLength) {
        this.pbkdf2KeyLength = pbkdf2KeyLength;
    }

    public String getInternalApiKey() {
        return internalApiKey;
    }

    public void setInternalApiKey(String internalApiKey) {
        this.internalApiKey = internalApiKey;
    }
}
