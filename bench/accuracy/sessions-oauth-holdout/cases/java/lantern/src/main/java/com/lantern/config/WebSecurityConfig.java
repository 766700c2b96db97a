package com.lantern.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableWebSecurity
public class WebSecurityConfig {

    @Value("${lantern.remember-me-key}")
    private String rememberMeKey;

    /** Front-desk tablets at each location; one signed-in tablet per account. */
    @Bean
    @Order(20)
    SecurityFilterChain kioskChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/kiosk/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("FRONT_DESK"))
            .httpBasic(Customizer.withDefaults())
            .sessionManagement(session -> session
                .sessionFixation(fixation -> fixation.newSession())
                .maximumSessions(1))
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Invoices and payment methods; the billing provider posts signed webhooks. */
    @Bean
    @Order(25)
    SecurityFilterChain billingChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/billing/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/billing/webhooks/**").permitAll()
                .anyRequest().hasRole("MEMBER_ADMIN"))
            .formLogin(form -> form.loginPage("/login"))
            .csrf(csrf -> csrf.ignoringRequestMatchers("/billing/webhooks/**"));
        return http.build();
    }

    /** Member web app: desk bookings, meeting rooms, guest passes. */
    @Bean
    @Order(30)
    SecurityFilterChain memberChain(HttpSecurity http, UserDetailsService members) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/", "/login", "/join/**", "/assets/**", "/desk/login", "/panels/login").permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/bookings"))
            .rememberMe(remember -> remember.key(rememberMeKey).userDetailsService(members))
            .sessionManagement(session -> session
                .sessionFixation(SessionManagementConfigurer.SessionFixationConfigurer::changeSessionId))
            .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
