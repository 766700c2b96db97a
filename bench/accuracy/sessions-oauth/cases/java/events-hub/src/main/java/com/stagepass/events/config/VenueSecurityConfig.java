package com.stagepass.events.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/** Venue staff pages, the door-scanner API and the new single-page seat editor. */
@Configuration
public class VenueSecurityConfig {

    @Bean
    @Order(5)
    SecurityFilterChain scannerApi(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/scanner/api/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority("SCOPE_scan"))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwkSetUri("https://id.stagepass.example/oauth2/jwks")))
            .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(12)
    SecurityFilterChain venueStaff(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/venue/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/venue/login").permitAll()
                .anyRequest().hasRole("VENUE"))
            .formLogin(form -> form.loginPage("/venue/login").defaultSuccessUrl("/venue/doors"))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
            .csrf(csrf -> csrf.ignoringRequestMatchers("/venue/**"));
        return http.build();
    }

    /** The seat editor is a React app served from /seat-editor; it echoes XSRF-TOKEN in a header. */
    @Bean
    @Order(13)
    SecurityFilterChain seatEditor(HttpSecurity http) throws Exception {
        CsrfTokenRequestAttributeHandler plainHandler = new CsrfTokenRequestAttributeHandler();
        plainHandler.setCsrfRequestAttributeName(null);
        http
            .securityMatcher("/seat-editor/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ORGANIZER"))
            .formLogin(form -> form.loginPage("/organizer/login"))
            .csrf(spaCsrf -> spaCsrf
                .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(plainHandler));
        return http.build();
    }
}
