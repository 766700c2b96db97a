package com.example.billing.security;

import com.example.billing.config.BillingSecurityProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards /internal/** (scheduler, ledger) and /partner/** (acquirers, one key each).
 */
@Component
public class InternalApiFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InternalApiFilter.class);

    private final BillingSecurityProperties props;
    private final Map<String, String> partnerKeyHashes;

    public InternalApiFilter(BillingSecurityProperties props, PartnerKeyStore partnerKeys) {
        this.props = props;
        this.partnerKeyHashes = partnerKeys.loadSha256ByPartner();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!StringUtils.hasText(request.getHeader("X-Request-Id"))) {
            response.setHeader("X-Request-Id", java.util.UUID.randomUUID().toString());
        }
        String path = request.getServletPath();
        if (path.startsWith("/internal/")) {
            String presented = request.getHeader("X-Api-Key");
            if (presented == null || !presented.equals(props.getInternalApiKey())) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
        } else if (path.startsWith("/partner/")) {
            String partner = request.getHeader("X-Partner-Id");
            String expectedHash = partnerKeyHashes.get(partner);
            byte[] presentedHash = sha256(request.getHeader("X-Partner-Key"));
            if (expectedHash == null || !MessageDigest.isEqual(HexFormat.of().parseHex(expectedHash), presentedHash)) {
                log.warn("Partner {} failed API key authentication", partner);
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            if (path.startsWith("/partner/admin/") && !"true".equals(request.getHeader("X-Partner-Admin"))) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        if ("POST".equals(request.getMethod()) && !"application/json".equals(request.getContentType())) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String value) {
        try {
            String v = value == null ? "" : value;
            return MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public interface PartnerKeyStore {
        Map<String, String> loadSha256ByPartner();
    }
}
