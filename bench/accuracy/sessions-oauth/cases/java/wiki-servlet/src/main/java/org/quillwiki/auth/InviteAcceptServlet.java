package org.quillwiki.auth;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** New members follow an e-mailed invite, choose a password and land signed in. */
@WebServlet(urlPatterns = "/invite/accept")
public class InviteAcceptServlet extends HttpServlet {

    private transient AccountDao accounts;
    private transient InviteDao invites;

    @Override
    public void init() {
        accounts = AccountDao.from(getServletContext());
        invites = InviteDao.from(getServletContext());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String code = req.getParameter("code");
        String password = req.getParameter("password");
        if (password == null || password.length() < 12) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Password must be at least 12 characters");
            return;
        }
        Invite invite = invites.consume(code).orElse(null);
        if (invite == null) {
            resp.sendError(HttpServletResponse.SC_GONE, "This invitation has expired");
            return;
        }
        WikiUser user = accounts.createFromInvite(invite, password);
        req.getSession(true).setAttribute(SessionSupport.USER_KEY, user);
        resp.sendRedirect(req.getContextPath() + "/welcome");
    }
}
