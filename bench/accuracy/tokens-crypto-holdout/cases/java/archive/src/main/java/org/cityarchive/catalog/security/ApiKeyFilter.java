package org.cityarchive.catalog.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.cityarchive.catalog.config.ArchiveSettings;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates the digitisation vendor and partner archives on /api/ingest/**. */
public class ApiKeyFilter extends OncePerRequestFilter {

    private static final Logger LOG = LogManager.getLogger(ApiKeyFilter.class);

    private final ArchiveSettings settings;
    private final PartnerRegistry partners;

    public ApiKeyFilter(ArchiveSettings settings, PartnerRegistry partners) {
        this.settings = settings;
        this.partners = partners;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            response.sendError(401);
            return;
        }
        if (header.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
            String[] idAndSecret = decoded.split(":", 2);
            byte[] stored = partners.secretDigest(idAndSecret[0]);
            byte[] presented = digestOf(idAndSecret[1]);
            if (stored == null || !MessageDigest.isEqual(stored, presented)) {
                LOG.warn("partner {} failed basic authentication", idAndSecret[0]);
                response.sendError(401);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String[] schemeAndKey = header.split(" ", 2);
        if (!"Bearer".equalsIgnoreCase(schemeAndKey[0])) {
            response.sendError(401);
            return;
        }
        if (schemeAndKey[1].equals(settings.getDigitisationApiKey())) {
            chain.doFilter(request, response);
            return;
        }
        LOG.error("rejected digitisation request with key {}", schemeAndKey[1]);
        response.sendError(401);
    }

    /** Partner secrets are 256-bit random values; the registry keeps only their SHA-256. */
    private static byte[] digestOf(String partnerSecret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(partnerSecret.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public interface PartnerRegistry {
        byte[] secretDigest(String partnerId);
    }
}
