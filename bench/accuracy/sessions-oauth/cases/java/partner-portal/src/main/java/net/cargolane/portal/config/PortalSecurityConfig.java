package net.cargolane.portal.config;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import net.cargolane.portal.api.ApiKeyAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration
@EnableWebSecurity
public class PortalSecurityConfig {

    /** EDI gateway: partners' systems post manifests with access tokens from our authorization server. */
    @Bean
    @Order(2)
    SecurityFilterChain ediChain(HttpSecurity http) throws Exception {
        http.antMatcher("/edi/**")
            .authorizeRequests().anyRequest().hasAuthority("SCOPE_edi")
                .and()
            .sessionManagement().sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                .and()
            .oauth2ResourceServer().jwt()
                .and()
                .and()
            .csrf().disable();
        return http.build();
    }

    /** v2 REST API: X-Api-Key header or bearer token, never cookies. */
    @Bean
    @Order(3)
    SecurityFilterChain apiV2Chain(HttpSecurity http, ApiKeyAuthenticationFilter apiKeys) throws Exception {
        http.antMatcher("/api/v2/**")
            .addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
            .authorizeRequests().antMatchers("/api/v2/token/refresh/**").permitAll().anyRequest().authenticated()
                .and()
            .sessionManagement().sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                .and()
            .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Carrier status callbacks, HMAC-signed. */
    @Bean
    @Order(4)
    SecurityFilterChain hooksChain(HttpSecurity http) throws Exception {
        http.antMatcher("/hooks/**")
            .authorizeRequests().anyRequest().permitAll()
                .and()
            .csrf().ignoringAntMatchers("/hooks/carrier/**");
        return http.build();
    }

    /** Monthly statements for finance teams; they script downloads with basic auth. */
    @Bean
    @Order(5)
    SecurityFilterChain reportsChain(HttpSecurity http) throws Exception {
        http.antMatcher("/reports/**")
            .authorizeRequests().anyRequest().hasRole("FINANCE")
                .and()
            .sessionManagement().sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                .and()
            .csrf().disable().httpBasic();
        return http.build();
    }

    /** CargoLane staff back office, signed in through the corporate IdP. */
    @Bean
    @Order(6)
    SecurityFilterChain staffChain(HttpSecurity http, OAuth2AuthorizationRequestResolver staffAuthorizationRequests)
            throws Exception {
        http.antMatcher("/staff/**")
            .authorizeRequests().anyRequest().hasAuthority("SCOPE_openid")
                .and()
            .csrf(AbstractHttpConfigurer::disable)
            .oauth2Login()
                .loginProcessingUrl("/staff/login/oauth2/code/*")
                .authorizationEndpoint().authorizationRequestResolver(staffAuthorizationRequests);
        return http.build();
    }

    /**
     * Staff sign-in goes through the corporate IdP. The IdP's audit log groups logins by the
     * state value, so we send a readable one instead of Spring's random default.
     */
    @Bean
    OAuth2AuthorizationRequestResolver staffAuthorizationRequests(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/staff/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(request -> request
                .state(Base64.getUrlEncoder().encodeToString(("staff-" + LocalDate.now()).getBytes(StandardCharsets.UTF_8)))
                .additionalParameters(params -> params.put("prompt", "select_account")));
        return resolver;
    }

    /** Support agents: shared desks, so remember-me is on and the session survives login. */
    @Bean
    @Order(7)
    SecurityFilterChain supportChain(HttpSecurity http, @Value("${portal.remember-me-key}") String key) throws Exception {
        http.antMatcher("/support/**")
            .authorizeRequests().antMatchers("/support/login").permitAll().anyRequest().hasRole("SUPPORT")
                .and()
            .formLogin().loginPage("/support/login")
                .and()
            .rememberMe().key(key)
                .and()
            .csrf(c -> c.disable())
            .sessionManagement().sessionFixation().none();
        return http.build();
    }

    /** Partner users. */
    @Bean
    @Order(10)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        http.antMatcher("/portal/**")
            .authorizeRequests().antMatchers("/portal/login", "/portal/sso/**").permitAll().anyRequest().authenticated()
                .and()
            .formLogin().loginPage("/portal/login").defaultSuccessUrl("/portal/shipments")
                .and()
            .sessionManagement().sessionFixation().migrateSession()
                .and()
            .csrf().ignoringAntMatchers("/portal/shipments/bulk-update")
                .and()
            .logout().logoutUrl("/portal/logout").invalidateHttpSession(true).deleteCookies("CLPORTAL");
        return http.build();
    }
}
