package com.example.portal.web;

import com.example.portal.config.PortalConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves /assets/v{major}/... with long-lived caching and content ETags. */
@WebServlet("/assets/*")
public class StaticAssetServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(StaticAssetServlet.class);

    private String majorVersion;

    @Override
    public void init() {
        String[] versionParts = PortalConfig.get().assetVersion().split("\\.");
        majorVersion = versionParts[0];
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getPathInfo();
        if (path == null || !path.startsWith("/v" + majorVersion + "/")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] content;
        try (InputStream in = getServletContext().getResourceAsStream("/static" + path.substring(path.indexOf('/', 1)))) {
            if (in == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            content = in.readAllBytes();
        }
        String etag = "\"" + contentHash(content) + "\"";
        if (etag.equals(req.getHeader("If-None-Match"))) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            log.debug("asset sample: {} {} bytes", path, content.length);
        }
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        resp.setContentType(getServletContext().getMimeType(path));
        resp.getOutputStream().write(content);
    }

    private static String contentHash(byte[] content) throws ServletException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new ServletException(e);
        }
    }
}
