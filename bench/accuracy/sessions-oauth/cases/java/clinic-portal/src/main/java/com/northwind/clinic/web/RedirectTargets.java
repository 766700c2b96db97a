package com.northwind.clinic.web;

import java.net.URI;
import java.net.URISyntaxException;

/** Keeps post-action redirects on this site. */
public final class RedirectTargets {

    private static final String FALLBACK = "/dashboard";

    private RedirectTargets() {
    }

    /**
     * Returns {@code candidate} when it is a plain local path (no scheme, no host, not
     * protocol-relative, no backslashes), otherwise the dashboard.
     */
    public static String localOrDefault(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return FALLBACK;
        }
        if (candidate.startsWith("//") || candidate.contains("\\")) {
            return FALLBACK;
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getScheme() != null || uri.getHost() != null || uri.getRawAuthority() != null) {
                return FALLBACK;
            }
            return uri.getPath() != null && uri.getPath().startsWith("/") ? candidate : FALLBACK;
        } catch (URISyntaxException e) {
            return FALLBACK;
        }
    }
}
