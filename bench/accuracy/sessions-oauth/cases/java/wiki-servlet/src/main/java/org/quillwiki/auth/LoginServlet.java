package org.quillwiki.auth;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.quillwiki.web.SafeRedirects;

@WebServlet(urlPatterns = "/login")
public class LoginServlet extends HttpServlet {

    private transient AccountDao accounts;

    @Override
    public void init() {
        accounts = AccountDao.from(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        req.getRequestDispatcher("/WEB-INF/jsp/login.jsp").forward(req, resp);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        Optional<WikiUser> user = accounts.verifyPassword(username, password);
        if (user.isEmpty()) {
            req.setAttribute("error", "Unknown user or wrong password");
            doGet(req, resp);
            return;
        }
        req.changeSessionId();
        HttpSession session = req.getSession();
        session.setAttribute(SessionSupport.USER_KEY, user.get());
        accounts.recordLogin(user.get().id());

        String next = req.getParameter("next");
        resp.sendRedirect(SafeRedirects.localPath(req, next));
    }
}
