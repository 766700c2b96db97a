package com.haulwise.fleet.config;

import static org.springframework.security.config.http.SessionCreationPolicy.STATELESS;

import com.haulwise.fleet.security.BearerTokenFilter;
import com.haulwise.fleet.security.DispatchCookieFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

@Configuration
@EnableWebSecurity
public class FleetSecurityConfig {

    /** Driver app and in-cab telematics units: Authorization header only. */
    @Bean
    @Order(1)
    SecurityFilterChain driverApi(HttpSecurity http, BearerTokenFilter bearer) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/auth/login", "/api/auth/refresh", "/api/devices/token").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .build();
    }

    /**
     * Dispatch board in the browser. No server session either: the board's JWT lives in
     * the dispatch_jwt cookie and DispatchCookieFilter reads it from there.
     */
    @Bean
    @Order(2)
    SecurityFilterChain dispatchBoard(HttpSecurity http, DispatchCookieFilter cookieFilter) throws Exception {
        return http
                .securityMatcher("/dispatch/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/dispatch/login", "/dispatch/auth/**", "/dispatch/assets/**").permitAll()
                        .anyRequest().hasRole("DISPATCHER"))
                .sessionManagement(s -> s.sessionCreationPolicy(STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(cookieFilter, UsernamePasswordAuthenticationFilter.class)
                .build();
    }
}
