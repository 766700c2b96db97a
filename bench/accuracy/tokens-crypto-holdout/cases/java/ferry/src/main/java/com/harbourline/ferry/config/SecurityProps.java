package com.harbourline.ferry.config;

import java.time.Duration;

/** Token and crypto settings shared across the ferry booking service. */
public final class SecurityProps {

    public static final String ISSUER = "https://login.harbourline.example";
    public static final String AUDIENCE = "ferry-booking";
    public static final String CREW_ISSUER = "https://crew.harbourline.example";
    public static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);
    public static final long CLOCK_SKEW_SECONDS = 30;
    /** Turnstiles at the older piers are offline for hours at a time. */
    public static final long TURNSTILE_SKEW_SECONDS = 4 * 3600;

    /** Transformation used for boarding-pass QR payloads (the scanner firmware decides). */
    public static final String QR_TRANSFORMATION = "AES/ECB/PKCS5Padding";
    public static final String MANIFEST_TRANSFORMATION = "AES/GCM/NoPadding";

    public static final int PBKDF2_ITERATIONS = 600_000;
    public static final int KIOSK_PBKDF2_ITERATIONS = 25_000;

    private SecurityProps() {
    }
}
