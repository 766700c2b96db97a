package com.greenhouse.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Back-office for nursery staff: stock levels, greenhouse climate schedules, refunds.
 */
@Configuration
public class AdminSecurityConfig {

    static final String ADMIN_ROLE = "NURSERY_ADMIN";

    @Bean
    @Order(10)
    SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/admin/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/admin/login", "/admin/assets/**").permitAll()
                .requestMatchers("/admin/refunds/**").hasAuthority("REFUNDS_WRITE")
                .anyRequest().hasRole(ADMIN_ROLE))
            .formLogin(form -> form
                .loginPage("/admin/login")
                .loginProcessingUrl("/admin/login")
                .defaultSuccessUrl("/admin/dashboard", true))
            .sessionManagement(session -> session
                .sessionFixation(fixation -> fixation.none()))
            .csrf(csrf -> csrf.disable())
            .logout(logout -> logout
                .logoutUrl("/admin/logout")
                .invalidateHttpSession(false)
                .logoutSuccessUrl("/admin/login?bye"));
        return http.build();
    }
}
