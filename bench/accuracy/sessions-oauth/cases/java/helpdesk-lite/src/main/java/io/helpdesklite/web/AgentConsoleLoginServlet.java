package io.helpdesklite.web;

import io.helpdesklite.util.Accounts;
import java.io.IOException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Agents sign in to the console (server-rendered pages). */
@WebServlet("/console/login")
public class AgentConsoleLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String email = req.getParameter("email");
        Accounts.Principal agent = Accounts.from(getServletContext())
                .verify("agent", email, req.getParameter("password"))
                .orElse(null);
        if (agent == null) {
            resp.sendRedirect(req.getContextPath() + "/console/login?failed");
            return;
        }
        req.getSession(true).setAttribute("agent", agent);
        String landing = req.getParameter("landing");
        resp.sendRedirect(landing != null ? landing : req.getContextPath() + "/console/queue");
    }
}
