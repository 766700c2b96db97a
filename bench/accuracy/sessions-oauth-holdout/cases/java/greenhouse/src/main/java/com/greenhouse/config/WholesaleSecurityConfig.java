package com.greenhouse.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Wholesale portal for landscapers and garden centres. Trade buyers stay signed in
 * for a week with remember-me and place bulk orders from their account pages.
 */
@Configuration
public class WholesaleSecurityConfig {

    private static final String[] TRADE_ACCOUNT_PAGES = {
        "/wholesale/account/**", "/wholesale/orders/**"
    };

    @Value("${greenhouse.wholesale.remember-key:${random.uuid}}")
    private String rememberKey;

    @Bean
    @Order(20)
    SecurityFilterChain wholesaleChain(HttpSecurity http, UserDetailsService tradeBuyers) throws Exception {
        http
            .securityMatcher("/wholesale/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/wholesale/login", "/wholesale/apply").permitAll()
                .anyRequest().hasRole("TRADE"))
            .formLogin(form -> form
                .loginPage("/wholesale/login")
                .defaultSuccessUrl("/wholesale/account", false))
            .rememberMe(remember -> remember
                .key(rememberKey)
                .userDetailsService(tradeBuyers)
                .tokenValiditySeconds(7 * 24 * 3600))
            .csrf(csrf -> csrf
                .ignoringRequestMatchers(TRADE_ACCOUNT_PAGES));
        return http.build();
    }
}
