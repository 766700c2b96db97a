package org.cityarchive.catalog.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bound from application.yml (archive.*). */
@ConfigurationProperties(prefix = "archive")
public class ArchiveSettings {

    private String jwtIssuer = "https://sso.cityarchive.example";
    private String jwtAudience = "catalog";
    private String jwtSecret;
    private long clockSkewSeconds = 60;
    private long scannerClockSkewSeconds = 7200;
    private String digitisationApiKey;
    private String passwordDigestAlgorithm = "SHA-512";
    private String exportTransformation = "DES/CBC/PKCS5Padding";

    public String getJwtIssuer() { return jwtIssuer; }
    public void setJwtIssuer(String v) { jwtIssuer = v; }
    public String getJwtAudience() { return jwtAudience; }
    public void setJwtAudience(String v) { jwtAudience = v; }
    public String getJwtSecret() { return jwtSecret; }
    public void setJwtSecret(String v) { jwtSecret = v; }
    public long getClockSkewSeconds() { return clockSkewSeconds; }
    public void setClockSkewSeconds(long v) { clockSkewSeconds = v; }
    public long getScannerClockSkewSeconds() { return scannerClockSkewSeconds; }
    public void setScannerClockSkewSeconds(long v) { scannerClockSkewSeconds = v; }
    public String getDigitisationApiKey() { return digitisationApiKey; }
    public void setDigitisationApiKey(String v) { digitisationApiKey = v; }
    public String getPasswordDigestAlgorithm() { return passwordDigestAlgorithm; }
    public void setPasswordDigestAlgorithm(String v) { passwordDigestAlgorithm = v; }
    public String getExportTransformation() { return exportTransformation; }
    public void setExportTransformation(String v) { exportTransformation = v; }
}
