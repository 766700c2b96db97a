package com.northwind.clinic.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Referring GPs get a small portal of their own (form login, server session). Inbound
 * referral documents arrive from the regional HIE as signed POSTs, see InboundReferralController.
 */
@Configuration
public class ReferralSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain inboundReferrals(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/referrals/inbound/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
            .csrf(csrf -> csrf.ignoringRequestMatchers("/referrals/inbound/**"));
        return http.build();
    }

    @Bean
    @Order(4)
    @SuppressWarnings("deprecation")
    SecurityFilterChain referrerPortal(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/referrals/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/referrals/login").permitAll()
                .anyRequest().hasRole("REFERRER"))
            .formLogin(form -> form.loginPage("/referrals/login").defaultSuccessUrl("/referrals"));
        http.csrf().disable();
        return http.build();
    }
}
