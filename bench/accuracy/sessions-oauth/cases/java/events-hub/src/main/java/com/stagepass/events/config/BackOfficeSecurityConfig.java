package com.stagepass.events.config;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.SessionManagementConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

/** Organizer back office and the box-office terminals. */
@Configuration
public class BackOfficeSecurityConfig {

    @Bean
    @Order(10)
    SecurityFilterChain organizerChain(HttpSecurity http,
                                       UserDetailsService organizers,
                                       @Value("${events.remember-me-key}") String rememberMeKey) throws Exception {
        http
            .securityMatcher("/organizer/**")
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/organizer/login").permitAll()
                .anyRequest().hasRole("ORGANIZER"))
            .formLogin(form -> form.loginPage("/organizer/login").defaultSuccessUrl("/organizer/events"))
            .rememberMe(rm -> rm.key(rememberMeKey).userDetailsService(organizers).rememberMeParameter("stay"))
            .sessionManagement(s -> s
                .sessionFixation(SessionManagementConfigurer.SessionFixationConfigurer::none))
            .csrf(AbstractHttpConfigurer::disable)
            .logout(logout -> logout.logoutUrl("/organizer/logout").deleteCookies("EHSESSION", "remember-me"));
        return http.build();
    }

    @Bean
    @Order(11)
    SecurityFilterChain boxOfficeChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/box-office/**")
            .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("BOX_OFFICE"))
            .httpBasic(withDefaults())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.ALWAYS))
            .csrf(c -> c.disable());
        return http.build();
    }
}
