package net.cargolane.portal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Accepts v2 access tokens issued by ApiTokenController; each is looked up on every request. */
@Component
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final JdbcTemplate jdbc;

    public ApiKeyAuthenticationFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            List<Long> partner = jdbc.queryForList(
                    "SELECT partner_id FROM api_access WHERE token_hash = ? AND expires_at > now() AND revoked_at IS NULL",
                    Long.class, sha256(header.substring(7)));
            if (partner.isEmpty()) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            UsernamePasswordAuthenticationToken partnerAuth = new UsernamePasswordAuthenticationToken(
                    "partner:" + partner.get(0), null, AuthorityUtils.createAuthorityList("ROLE_PARTNER_API"));
            SecurityContextHolder.getContext().setAuthentication(partnerAuth);
        }
        chain.doFilter(request, response);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
