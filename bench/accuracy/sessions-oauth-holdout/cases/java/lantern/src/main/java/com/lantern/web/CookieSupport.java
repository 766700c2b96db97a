package com.lantern.web;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/** Cookies shared with the door-access service on the sibling subdomain. */
final class CookieSupport {

    private CookieSupport() {
    }

    static ResponseCookie credentialCookie(String name, String value, Duration ttl, String domain) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Lax")
                .domain(domain)
                .path("/")
                .maxAge(ttl)
                .build();
    }
}
