package com.brightcart.shop.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

/** Back office for merchandisers. Separate login page, stricter session handling. */
@Configuration
@Order(2)
public class AdminSecurityConfig extends WebSecurityConfigurerAdapter {

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http
            .antMatcher("/admin/**")
            .authorizeRequests()
                .antMatchers("/admin/login").permitAll()
                .anyRequest().hasRole("MERCHANDISER")
                .and()
            .formLogin()
                .loginPage("/admin/login")
                .loginProcessingUrl("/admin/login")
                .defaultSuccessUrl("/admin")
                .and()
            .sessionManagement()
                .sessionFixation().newSession()
                .maximumSessions(1)
                .and()
                .and()
            .csrf()
                .ignoringAntMatchers("/admin/bulk/**")
                .and()
            .logout()
                .logoutUrl("/admin/logout")
                .invalidateHttpSession(true)
                .logoutSuccessUrl("/admin/login?bye");
    }
}
