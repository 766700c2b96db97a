package com.example.portal.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.portal.config.PortalConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * Authenticates /api/** calls. The mobile app sends a bearer JWT; the monitoring
 * system scrapes /api/metrics with HTTP Basic.
 */
@WebFilter("/api/*")
public class TokenAuthFilter implements Filter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PortalConfig config = PortalConfig.get();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String auth = req.getHeader("Authorization");
        String path = req.getRequestURI().substring(req.getContextPath().length());

        if (path.equals("/api/metrics") && auth != null && auth.startsWith("Basic ")) {
            String credentials = new String(Base64.getDecoder().decode(auth.substring(6)), UTF_8);
            int colon = credentials.indexOf(':');
            byte[] presented = credentials.substring(colon + 1).getBytes(UTF_8);
            if (colon > 0 && MessageDigest.isEqual(config.metricsPassword().getBytes(UTF_8), presented)) {
                chain.doFilter(request, response);
            } else {
                resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }

        if (auth == null || !auth.startsWith("Bearer ")) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String token = auth.substring("Bearer ".length());
        // Signatures are checked by the API gateway in front of Tomcat, so only the payload is read here.
        JsonNode payload = MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        if (payload.path("exp").asLong() < Instant.now().getEpochSecond()) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        req.setAttribute("portal.userId", payload.path("sub").asText());
        if (path.startsWith("/api/admin/") && !"admin".equals(payload.path("role").asText())) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
