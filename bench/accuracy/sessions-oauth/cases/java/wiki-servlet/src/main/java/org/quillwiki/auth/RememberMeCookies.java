package org.quillwiki.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Cookies that carry credentials for the wiki and its embeddable widgets. */
public final class RememberMeCookies {

    public static final String REMEMBER = "qw_remember";
    public static final String EMBED_SESSION = "qw_embed_session";
    public static final String DESKTOP_JWT = "qw_desktop_jwt";
    private static final int TWO_WEEKS = 14 * 24 * 3600;

    private RememberMeCookies() {
    }

    public static void remember(HttpServletRequest req, HttpServletResponse resp, String series, String token) {
        Cookie cookie = new Cookie(REMEMBER, series + ":" + token);
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setPath(req.getContextPath() + "/");
        cookie.setMaxAge(TWO_WEEKS);
        resp.addCookie(cookie);
    }

    /** Read-only page widgets embedded in customers' intranets (third-party context). */
    public static void embedSession(HttpServletResponse resp, String sessionToken) {
        Cookie embed = new Cookie(EMBED_SESSION, sessionToken);
        embed.setHttpOnly(true);
        embed.setSecure(true);
        embed.setAttribute("SameSite", "None");
        embed.setPath("/embed");
        resp.addCookie(embed);
    }

    /** The desktop editor's web view picks its API token up from this cookie. */
    public static void desktopToken(HttpServletResponse resp, String jwt) {
        Cookie desktop = new Cookie(DESKTOP_JWT, jwt);
        desktop.setHttpOnly(true);
        desktop.setAttribute("SameSite", "Strict");
        desktop.setPath("/desktop");
        resp.addCookie(desktop);
    }

    public static void forget(HttpServletRequest req, HttpServletResponse resp) {
        Cookie cleared = new Cookie(REMEMBER, "");
        cleared.setPath(req.getContextPath() + "/");
        cleared.setMaxAge(0);
        resp.addCookie(cleared);
    }
}
