package com.example.billing.config;

import java.time.Duration;

/**
 * Token constants shared by the parsers, the verifiers and the token endpoint.
 */
public final class JwtSettings {

    /** Issuer of customer and session tokens (our own auth endpoint). */
    public static final String ISSUER = "https://id.billing.example.com";

    /** Audience every billing API token must carry. */
    public static final String AUDIENCE = "billing-api";

    /** Audience of signed invoice download links. */
    public static final String DOWNLOAD_AUDIENCE = "invoice-download";

    /** Issuer of the corporate identity provider used by finance staff. */
    public static final String IDP_ISSUER = "https://login.corp.example.com/";

    public static final Duration ACCESS_TTL = Duration.ofMinutes(10);

    public static final Duration REFRESH_TTL = Duration.ofDays(14);

    public static final Duration DOWNLOAD_LINK_TTL = Duration.ofHours(24);

    private JwtSettings() {
    }
}
