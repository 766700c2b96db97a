package com.tidewater.config;

import com.tidewater.security.JwtAuthenticationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Booking API for the mobile apps and travel agents. Clients send
 * "Authorization: Bearer ..." on every call; no cookies are read here.
 */
@Configuration
@EnableWebSecurity
public class ApiSecurityConfig {

    private final JwtAuthenticationFilter jwtFilter;

    public ApiSecurityConfig(JwtAuthenticationFilter jwtFilter) {
        this.jwtFilter = jwtFilter;
    }

    @Bean
    @Order(1)
    public SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http
            .antMatcher("/api/**")
            .csrf().disable()
            .sessionManagement()
                .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                .and()
            .authorizeRequests()
                .antMatchers("/api/auth/login", "/api/auth/refresh", "/api/account/password/reset").permitAll()
                .antMatchers("/api/v2/agents/token/**", "/api/crew/devices/**").permitAll()
                .antMatchers("/api/admin/**").hasRole("OPERATIONS")
                .anyRequest().authenticated()
                .and()
            .httpBasic().disable()
            .formLogin().disable()
            .addFilterBefore(jwtFilter, UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
