package io.helpdesklite.agent;

import io.helpdesklite.util.Accounts;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import java.io.IOException;
import java.util.Optional;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * /agent-auth/login    password -> access + refresh (JSON) and the notifier cookie
 * /agent-auth/refresh  refresh  -> new access + refresh
 * /agent-auth/logout   sign the notifier out
 */
@WebServlet("/agent-auth/*")
public class AgentTokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String NOTIFIER_COOKIE = "hd_agent_token";

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (action) {
            case "/login":
                login(req, resp);
                break;
            case "/refresh":
                refresh(req, resp);
                break;
            case "/refresh-notifier":
                refreshNotifier(req, resp);
                break;
            case "/logout":
                logout(req, resp);
                break;
            default:
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void login(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Accounts.Principal> agent = Accounts.from(getServletContext())
                .verify("agent", req.getParameter("email"), req.getParameter("password"));
        if (!agent.isPresent()) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String access = AgentJwt.issue(agent.get().id, "access", AgentJwt.ACCESS_TTL);
        String refresh = AgentJwt.issue(agent.get().id, "refresh", AgentJwt.REFRESH_TTL);
        Cookie notifier = new Cookie(NOTIFIER_COOKIE, access);
        notifier.setHttpOnly(true);
        notifier.setPath(req.getContextPath() + "/api/agent");
        resp.addCookie(notifier);
        json(resp, access, refresh);
    }

    private void refresh(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Claims claims;
        try {
            claims = AgentJwt.parse(req.getParameter("refresh_token"), "refresh");
        } catch (JwtException | IllegalArgumentException e) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        long agentId = Long.parseLong(claims.getSubject());
        String nextRefresh = AgentJwt.issue(agentId, "refresh", AgentJwt.REFRESH_TTL);
        json(resp, AgentJwt.issue(agentId, "access", AgentJwt.ACCESS_TTL), nextRefresh);
    }

    /** The tray notifier (v1) keeps its refresh token in a read-only config file. */
    private void refreshNotifier(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String presented = req.getParameter("refresh_token");
        Claims claims;
        try {
            claims = AgentJwt.parse(presented, "refresh");
        } catch (JwtException | IllegalArgumentException e) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String access = AgentJwt.issue(Long.parseLong(claims.getSubject()), "access", AgentJwt.ACCESS_TTL);
        json(resp, access, presented);
    }

    private void logout(HttpServletRequest req, HttpServletResponse resp) {
        Cookie gone = new Cookie(NOTIFIER_COOKIE, "");
        gone.setPath(req.getContextPath() + "/api/agent");
        gone.setMaxAge(0);
        resp.addCookie(gone);
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void json(HttpServletResponse resp, String access, String refresh) throws IOException {
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write("{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\"}");
    }
}
