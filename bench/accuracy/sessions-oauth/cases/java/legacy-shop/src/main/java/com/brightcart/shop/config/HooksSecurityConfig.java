package com.brightcart.shop.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

/** Payment provider callbacks; each controller checks the provider's HMAC signature. */
@Configuration
@Order(0)
public class HooksSecurityConfig extends WebSecurityConfigurerAdapter {

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http
            .antMatcher("/hooks/**")
            .authorizeRequests().anyRequest().permitAll()
                .and()
            .csrf()
                .ignoringAntMatchers("/hooks/**");
    }
}
