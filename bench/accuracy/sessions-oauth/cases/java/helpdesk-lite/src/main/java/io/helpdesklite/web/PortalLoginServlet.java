package io.helpdesklite.web;

import io.helpdesklite.util.Accounts;
import java.io.IOException;
import java.util.Optional;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Customers sign in to follow their tickets. */
@WebServlet("/portal/login")
public class PortalLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Optional<Accounts.Principal> customer = Accounts.from(getServletContext())
                .verify("customer", req.getParameter("email"), req.getParameter("password"));
        if (!customer.isPresent()) {
            req.setAttribute("error", true);
            req.getRequestDispatcher("/WEB-INF/portal/login.jsp").forward(req, resp);
            return;
        }
        req.getSession(true);
        req.changeSessionId();
        req.getSession().setAttribute("customer", customer.get());
        resp.sendRedirect(resp.encodeRedirectURL(req.getContextPath() + "/portal/tickets"));
    }
}
