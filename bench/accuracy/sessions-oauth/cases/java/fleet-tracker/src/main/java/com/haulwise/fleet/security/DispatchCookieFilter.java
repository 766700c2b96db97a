package com.haulwise.fleet.security;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

@Component
public class DispatchCookieFilter extends OncePerRequestFilter {

    public static final String COOKIE = "dispatch_jwt";

    private final FleetJwtService jwt;

    public DispatchCookieFilter(FleetJwtService jwt) {
        this.jwt = jwt;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = Optional.ofNullable(request.getCookies()).stream()
                .flatMap(Arrays::stream)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst();
        if (token.isPresent()) {
            try {
                JWTClaimsSet claims = jwt.verify(token.get(), "access");
                var roles = claims.getStringListClaim("roles").stream().map(r -> "ROLE_" + r).toArray(String[]::new);
                var auth = new UsernamePasswordAuthenticationToken(claims.getSubject(), null,
                        AuthorityUtils.createAuthorityList(roles));
                SecurityContextHolder.getContext().setAuthentication(auth);
            } catch (InvalidTokenException | ParseException e) {
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
