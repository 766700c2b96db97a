package io.helpdesklite.agent;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import java.io.IOException;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class AgentJwtFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String AGENT_ID = "hd.agentId";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String header = req.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Claims claims;
        try {
            claims = AgentJwt.parse(header.substring(7), "access");
        } catch (JwtException | IllegalArgumentException e) {
            res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        req.setAttribute(AGENT_ID, Long.valueOf(claims.getSubject()));
        chain.doFilter(req, res);
    }
}
