package io.tallyhq.ledger.config;

import io.tallyhq.ledger.security.JwtAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.http.HttpStatus;

@Configuration
@EnableWebSecurity
public class ApiSecurityConfig {

    /** Mobile and SPA clients: Authorization: Bearer only, no server session. */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JwtAuthenticationFilter jwtFilter) throws Exception {
        http
            .securityMatcher("/api/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/refresh", "/api/v1/token/**").permitAll()
                .requestMatchers("/api/auth/password-reset/**").permitAll()
                .anyRequest().authenticated())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
            .addFilterBefore(jwtFilter, UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Operator console: browser sessions via form login or the company IdP. */
    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/console/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        http
            .securityMatcher("/console/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/console/login", "/console/oauth2/**").permitAll()
                .anyRequest().hasRole("OPERATOR"))
            .formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login"))
            .oauth2Login(oauth -> oauth
                .loginPage("/console/login")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                .redirectionEndpoint(redirect -> redirect.baseUri("/console/login/oauth2/code/*")))
            .sessionManagement(session -> session
                .sessionFixation(SessionManagementConfigurer.SessionFixationConfigurer::changeSessionId))
            .csrf(csrf -> csrf.ignoringRequestMatchers("/console/api/**"))
            .logout(logout -> logout
                .logoutUrl("/console/logout")
                .invalidateHttpSession(false)
                .deleteCookies("LEDGER_CONSOLE"));
        return http.build();
    }

    /** Accountants' export downloads: form login with remember-me so scheduled pulls keep working. */
    @Bean
    @Order(3)
    SecurityFilterChain exportsChain(HttpSecurity http,
                                     @Value("${ledger.exports.remember-me-key}") String rememberMeKey) throws Exception {
        http
            .securityMatcher("/exports/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ACCOUNTANT"))
            .formLogin(form -> form.loginPage("/exports/login").permitAll())
            .rememberMe(rm -> rm.key(rememberMeKey).tokenValiditySeconds(7 * 24 * 3600))
            .csrf(CsrfConfigurer::disable);
        return http.build();
    }
}
