package com.example.portal.web;

import com.example.portal.security.PortalTokens;
import com.example.portal.config.PortalConfig;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.jsonwebtoken.Claims;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Intranet widgets and kiosks pull the company news feed from here. */
@WebServlet("/feed/*")
public class PartnerFeedServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(PartnerFeedServlet.class);

    private transient PortalTokens tokens;
    private transient Map<String, String> widgetKeys;

    @Override
    public void init() {
        tokens = new PortalTokens(PortalConfig.get());
        widgetKeys = Map.of("lobby-screen", System.getenv("PORTAL_LOBBY_WIDGET_KEY"));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String widget = req.getParameter("widget");
        String apiKey = req.getHeader("X-Widget-Key");
        if (widget != null && !widgetKeys.containsKey(widget)) {
            throw new ServletException("Unknown widget " + widget + " presented API key " + apiKey);
        }
        String bearer = req.getHeader("Authorization").substring(7);
        List<String> topics;
        if (req.getRequestURI().endsWith("/kiosk")) {
            DecodedJWT kiosk = tokens.verifyKiosk(bearer);
            topics = kiosk.getClaim("topics").asList(String.class);
        } else {
            Claims widgetClaims = tokens.verifyIntranetWidget(bearer);
            topics = widgetClaims.get("topics", List.class);
            if (widgetClaims.get("roles", List.class).contains("comms-editor")) {
                topics = List.of("*");
            }
        }
        log.info("Feed request from {} for {} topics", widget, topics.size());
        resp.setContentType("application/json");
        resp.getWriter().write("{\"topics\":" + topics.size() + "}");
    }
}
