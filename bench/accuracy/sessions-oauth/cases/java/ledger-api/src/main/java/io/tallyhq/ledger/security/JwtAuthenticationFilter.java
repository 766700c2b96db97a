package io.tallyhq.ledger.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.tallyhq.ledger.user.UserAccountRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests from the {@code Authorization: Bearer} header. A token is
 * accepted only if its jti is not on the denylist and its {@code ver} claim still
 * matches the account's token version (bumped on password change / "log out everywhere").
 */
@Component
public class JwtAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final JwtIssuer jwt;
    private final TokenDenylist denylist;
    private final UserAccountRepository users;

    public JwtAuthenticationFilter(JwtIssuer jwt, TokenDenylist denylist, UserAccountRepository users) {
        this.jwt = jwt;
        this.denylist = denylist;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        Claims claims;
        try {
            claims = jwt.parseAccessToken(header.substring(BEARER.length()));
        } catch (JwtException e) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "invalid token");
            return;
        }
        if (denylist.isRevoked(claims.getId())) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "token revoked");
            return;
        }
        long userId = Long.parseLong(claims.getSubject());
        Integer version = claims.get("ver", Integer.class);
        boolean current = users.findTokenVersion(userId).map(v -> v.equals(version)).orElse(false);
        if (!current) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "token superseded");
            return;
        }
        List<SimpleGrantedAuthority> authorities = jwt.roles(claims).stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        var auth = new UsernamePasswordAuthenticationToken(new ApiPrincipal(userId, claims.getId()), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(auth);
        chain.doFilter(request, response);
    }
}
