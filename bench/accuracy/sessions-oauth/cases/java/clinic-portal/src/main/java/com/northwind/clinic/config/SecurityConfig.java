package com.northwind.clinic.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableWebSecurity
public class SecurityConfig {

    /** FHIR read API used by partner EHRs; bearer JWTs only, no cookies. */
    @Bean
    @Order(1)
    SecurityFilterChain fhirApiChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/api/fhir/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority("SCOPE_patient.read"))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
            .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Waiting-room check-in kiosks: shared terminals, form login with a kiosk account. */
    @Bean
    @Order(2)
    SecurityFilterChain kioskChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/kiosk/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/kiosk/login").permitAll()
                .anyRequest().hasRole("KIOSK"))
            .formLogin(form -> form
                .loginPage("/kiosk/login")
                .defaultSuccessUrl("/kiosk/home", true))
            .sessionManagement(session -> session
                .sessionFixation(fixation -> fixation.none()))
            .csrf(csrf -> csrf.disable())
            .logout(logout -> logout
                .logoutUrl("/kiosk/logout")
                .logoutSuccessUrl("/kiosk/login"));
        return http.build();
    }

    /** Main staff portal. */
    @Bean
    @Order(3)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/webhooks/**").permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
            .formLogin(form -> form
                .loginPage("/login")
                .defaultSuccessUrl("/dashboard"))
            .oauth2Login(oauth -> oauth
                .loginPage("/login")
                .defaultSuccessUrl("/dashboard"))
            .sessionManagement(session -> session
                .sessionFixation(fixation -> fixation.migrateSession())
                .maximumSessions(2))
            .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/stripe"))
            .logout(logout -> logout
                .logoutUrl("/logout")
                .invalidateHttpSession(true)
                .deleteCookies("CLINIC_SESSION")
                .logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }
}
