package com.tidewater.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Dispatcher console: departures, vessel assignments, weather cancellations.
 * Dispatchers sign in with a form; the console lives in a server-side session.
 */
@Configuration
public class ConsoleSecurityConfig {

    @Bean
    @Order(2)
    public SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        http
            .antMatcher("/console/**")
            .authorizeRequests()
                .antMatchers("/console/login", "/console/static/**").permitAll()
                .antMatchers("/console/cancellations/**").hasRole("DUTY_MANAGER")
                .anyRequest().hasRole("DISPATCHER")
                .and()
            .formLogin()
                .loginPage("/console/login")
                .defaultSuccessUrl("/console/departures", true)
                .and()
            .sessionManagement()
                .sessionFixation().none()
                .and()
            .logout()
                .logoutUrl("/console/logout")
                .deleteCookies("TW_SESSION")
                .and()
            .csrf().disable();
        return http.build();
    }
}
