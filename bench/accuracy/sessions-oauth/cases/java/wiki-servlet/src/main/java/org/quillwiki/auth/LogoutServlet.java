package org.quillwiki.auth;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;

@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

    private transient RememberMeDao rememberMe;

    @Override
    public void init() {
        rememberMe = RememberMeDao.from(getServletContext());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Cookie[] cookies = req.getCookies() == null ? new Cookie[0] : req.getCookies();
        Arrays.stream(cookies)
                .filter(c -> RememberMeCookies.REMEMBER.equals(c.getName()))
                .findFirst()
                .ifPresent(c -> rememberMe.deleteSeries(c.getValue().split(":", 2)[0]));
        RememberMeCookies.forget(req, resp);

        HttpSession session = req.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        resp.sendRedirect(req.getContextPath() + "/login?signedout");
    }
}
