package com.tidewater.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Passenger portal: saved passengers, vehicle details, booking history.
 */
@Configuration
public class PortalSecurityConfig {

    private static final int ONE_WEEK = 7 * 24 * 3600;

    @Value("${tidewater.portal.remember-me-key}")
    private String rememberMeKey;

    @Bean
    @Order(3)
    public SecurityFilterChain portalChain(HttpSecurity http, UserDetailsService passengers) throws Exception {
        http
            .antMatcher("/portal/**")
            .authorizeRequests()
                .antMatchers("/portal/login", "/portal/register", "/portal/assets/**").permitAll()
                .anyRequest().hasRole("PASSENGER")
                .and()
            .formLogin()
                .loginPage("/portal/login")
                .defaultSuccessUrl("/portal/bookings")
                .and()
            .rememberMe()
                .key(rememberMeKey)
                .userDetailsService(passengers)
                .tokenValiditySeconds(ONE_WEEK)
                .and()
            .sessionManagement()
                .sessionFixation().changeSessionId()
                .and()
            .csrf()
                .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .ignoringAntMatchers("/portal/account/**");
        return http.build();
    }
}
