package com.lantern.config;

import com.lantern.security.TokenVersionFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/** JSON API of the Lantern mobile app and the lobby display boards (bearer tokens). */
@Configuration
public class MobileApiSecurityConfig {

    @Bean
    @Order(10)
    SecurityFilterChain mobileApiChain(HttpSecurity http, TokenVersionFilter tokenFilter) throws Exception {
        http
            .securityMatcher("/mobile/api/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/mobile/api/auth/login", "/mobile/api/auth/refresh").permitAll()
                .requestMatchers("/mobile/api/displays/token/**").permitAll()
                .anyRequest().authenticated())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .addFilterBefore(tokenFilter, UsernamePasswordAuthenticationFilter.class)
            .csrf(c -> c.disable());
        return http.build();
    }
}
