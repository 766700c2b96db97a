package com.brightcart.shop.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/** Wholesale buyers (WholesaleAccount): ordering, address book and buyer user management. */
@Configuration
@Order(5)
public class WholesaleSecurityConfig extends WebSecurityConfigurerAdapter {

    private final String rememberMeKey;

    public WholesaleSecurityConfig(@Value("${shop.remember-me.key}") String rememberMeKey) {
        this.rememberMeKey = rememberMeKey;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http
            .antMatcher("/b2b/**")
            .authorizeRequests()
                .antMatchers("/b2b/login").permitAll()
                .anyRequest().hasRole("WHOLESALE")
                .and()
            .formLogin()
                .loginPage("/b2b/login")
                .loginProcessingUrl("/b2b/login")
                .and()
            .rememberMe()
                .key(rememberMeKey)
                .rememberMeCookieName("b2b_remember")
                .and()
            .sessionManagement()
                .sessionFixation().changeSessionId()
                .and()
            .csrf()
                .requireCsrfProtectionMatcher(new AntPathRequestMatcher("/b2b/checkout/**", "POST"));
    }
}
