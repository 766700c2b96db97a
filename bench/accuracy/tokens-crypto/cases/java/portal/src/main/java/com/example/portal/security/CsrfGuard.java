package com.example.portal.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/**
 * CSRF tokens (synchronizer pattern) and other per-session random identifiers.
 */
public final class CsrfGuard {

    private static final String SESSION_KEY = "portal.csrf";
    private static final SecureRandom SECURE_RANDOM = new SecureRandom();

    private CsrfGuard() {
    }

    public static String tokenFor(HttpSession session) {
        String token = (String) session.getAttribute(SESSION_KEY);
        if (token == null) {
            byte[] bytes = new byte[32];
            SECURE_RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_KEY, token);
        }
        return token;
    }

    /** XHR requests send the token in a header. */
    public static boolean isValidAjax(HttpServletRequest req) {
        String expected = tokenFor(req.getSession());
        String presented = req.getHeader("X-CSRF-Token");
        return presented != null && MessageDigest.isEqual(expected.getBytes(UTF_8), presented.getBytes(UTF_8));
    }

    /** The old JSP forms post the token in a hidden field. */
    public static boolean isValidFormPost(HttpServletRequest req) {
        String expected = (String) req.getSession().getAttribute(SESSION_KEY);
        return expected != null && expected.equals(req.getParameter("_csrf"));
    }

    /** Unguessable path segment for generated report downloads (/downloads/{id}). */
    public static String newDownloadId() {
        return new BigInteger(130, new Random()).toString(32);
    }

    /** Identifier of the browser's websocket channel; lets the server route pushes. */
    public static String newChannelId() {
        return UUID.randomUUID().toString();
    }
}
