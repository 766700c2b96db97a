package io.helpdesklite.web;

import java.io.IOException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet("/portal/preferences")
public class PreferenceCookies extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String lang = req.getParameter("lang");
        if (lang != null && lang.matches("[a-z]{2}")) {
            Cookie langCookie = new Cookie("hd_lang", lang);
            langCookie.setPath(req.getContextPath());
            langCookie.setMaxAge(ONE_YEAR);
            resp.addCookie(langCookie);
        }
        if ("on".equals(req.getParameter("remember"))) {
            String token = RememberTokens.issueFor(req);
            Cookie remember = new Cookie("hd_remember", token);
            remember.setHttpOnly(true);
            remember.setSecure(true);
            remember.setPath(req.getContextPath());
            remember.setMaxAge(30 * 24 * 3600);
            resp.addCookie(remember);
        }
        resp.sendRedirect(req.getContextPath() + "/portal/preferences?saved");
    }
}
