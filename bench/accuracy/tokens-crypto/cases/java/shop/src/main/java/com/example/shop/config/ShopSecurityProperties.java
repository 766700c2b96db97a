package com.example.shop.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings bound from {@code shop.security.*} in application.properties.
 */
@ConfigurationProperties(prefix = "shop.security")
public class ShopSecurityProperties {

    private String issuer = "https://auth.shop.example.com";
    private String audience = "shop-api";
    private String signingKey;
    private long accessTokenTtlSeconds = 900;
    private int pbkdf2Iterations = 100_000;
    private int pbkdf2KeyLength = 256;

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getSigningKey() {
        return signingKey;
    }

    public void setSigningKey(String signingKey) {
        this.signingKey = signingKey;
    }

    public long getAccessTokenTtlSeconds() {
        return accessTokenTtlSeconds;
    }

    public void setAccessTokenTtlSeconds(long accessTokenTtlSeconds) {
        this.accessTokenTtlSeconds = accessTokenTtlSeconds;
    }

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
}
