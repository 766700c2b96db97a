package org.quillwiki.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/** Post-login and post-action redirects stay on this wiki. */
public final class SafeRedirects {

    private SafeRedirects() {
    }

    public static String localPath(HttpServletRequest req, String candidate) {
        String home = req.getContextPath() + "/";
        if (candidate == null || candidate.isEmpty()) {
            return home;
        }
        if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.indexOf('\\') >= 0) {
            return home;
        }
        try {
            URI uri = URI.create(candidate);
            if (uri.isAbsolute() || uri.getRawAuthority() != null) {
                return home;
            }
        } catch (IllegalArgumentException e) {
            return home;
        }
        return candidate;
    }
}
