package com.stagepass.events.config;

import com.stagepass.events.mobile.MobileTokenFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

@Configuration
@EnableWebSecurity
public class PublicSecurityConfig {

    /** Promoter integrations call this with OAuth2 access tokens from our IdP. */
    @Bean
    @Order(1)
    SecurityFilterChain promoterApi(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/api/promoter/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority("SCOPE_promoter"))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
            .csrf(CsrfConfigurer::disable);
        return http.build();
    }

    /** Mobile app: opaque bearer tokens checked by MobileTokenFilter. */
    @Bean
    @Order(2)
    SecurityFilterChain mobileApi(HttpSecurity http, MobileTokenFilter mobileTokens) throws Exception {
        http
            .securityMatcher("/m/api/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/m/api/auth/**").permitAll()
                .anyRequest().authenticated())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .addFilterBefore(mobileTokens, BasicAuthenticationFilter.class)
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Payment and ticket-scanner webhooks; each controller verifies the sender's signature. */
    @Bean
    @Order(3)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/webhooks/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
            .csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/webhooks/**")));
        return http.build();
    }

    /** Buyers' site. */
    @Bean
    @Order(20)
    SecurityFilterChain buyerSite(HttpSecurity http, AuthenticationSuccessHandler buyerLoginSuccess) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/", "/events/**", "/login", "/guest/**", "/assets/**").permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").successHandler(buyerLoginSuccess))
            .csrf(csrf -> csrf.ignoringRequestMatchers("/account/avatar", "/account/preferences/**")
                .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()))
            .logout(logout -> logout
                .logoutUrl("/logout")
                .invalidateHttpSession(true)
                .deleteCookies("EHSESSION"));
        return http.build();
    }
}
