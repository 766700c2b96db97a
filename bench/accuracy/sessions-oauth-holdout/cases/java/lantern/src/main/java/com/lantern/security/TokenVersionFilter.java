package com.lantern.security;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.lantern.domain.Member;
import com.lantern.domain.MemberRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer authentication for the mobile API. A token is only accepted while its
 * "ver" claim matches the member's current token version, so logout and password
 * changes cut off every token issued before them.
 */
@Component
public class TokenVersionFilter extends OncePerRequestFilter {

    private final TokenIssuer tokens;
    private final MemberRepository members;

    public TokenVersionFilter(TokenIssuer tokens, MemberRepository members) {
        this.tokens = tokens;
        this.members = members;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                    FilterChain chain) throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith("Bearer ")) {
            try {
                DecodedJWT jwt = tokens.verify(header.substring(7));
                Optional<Member> member = members.findById(Long.valueOf(jwt.getSubject()));
                Integer version = jwt.getClaim("ver").asInt();
                if (member.isPresent() && version != null && version == member.get().getTokenVersion()) {
                    var auth = new UsernamePasswordAuthenticationToken(member.get().getId(), null,
                            List.of(new SimpleGrantedAuthority("ROLE_MEMBER")));
                    SecurityContextHolder.getContext().setAuthentication(auth);
                }
            } catch (JWTVerificationException | NumberFormatException e) {
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
