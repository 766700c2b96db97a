package org.quillwiki.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Helpers shared by every way of signing in (password, SSO). */
public final class SessionSupport {

    public static final String USER_KEY = "qw.user";
    public static final String AUTH_METHOD_KEY = "qw.authMethod";

    private SessionSupport() {
    }

    /**
     * Starts an authenticated session: the pre-login session (and its id) is discarded so a
     * planted session id cannot be reused, then the user is stored in a new one.
     */
    public static HttpSession startAuthenticatedSession(HttpServletRequest req, WikiUser user, String method) {
        HttpSession previous = req.getSession(false);
        Object returnTo = null;
        if (previous != null) {
            returnTo = previous.getAttribute("qw.returnTo");
            previous.invalidate();
        }
        HttpSession session = req.getSession(true);
        session.setAttribute(USER_KEY, user);
        session.setAttribute(AUTH_METHOD_KEY, method);
        if (returnTo != null) {
            session.setAttribute("qw.returnTo", returnTo);
        }
        return session;
    }

    public static WikiUser currentUser(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        return session == null ? null : (WikiUser) session.getAttribute(USER_KEY);
    }
}
