package com.brightcart.shop.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;
import org.springframework.security.config.http.SessionCreationPolicy;

/** Machine-to-machine entry points: payment provider callbacks and the warehouse inventory API. */
public final class IntegrationSecurityConfig {

    private IntegrationSecurityConfig() {
    }

    /** Payment provider callbacks; PaymentHookController checks the provider's HMAC signature. */
    @Configuration
    @Order(0)
    public static class PaymentHooks extends WebSecurityConfigurerAdapter {

        @Override
        protected void configure(HttpSecurity http) throws Exception {
            http
                .antMatcher("/hooks/**")
                .authorizeRequests().anyRequest().permitAll()
                    .and()
                .csrf().ignoringAntMatchers("/hooks/**");
        }
    }

    /** Inventory sync API for warehouse systems, authenticated with JWTs from the company IdP. */
    @Configuration
    @Order(1)
    public static class InventoryApi extends WebSecurityConfigurerAdapter {

        @Override
        protected void configure(HttpSecurity http) throws Exception {
            http
                .antMatcher("/api/**")
                .authorizeRequests()
                    .antMatchers("/api/inventory/**").hasAuthority("SCOPE_inventory.write")
                    .anyRequest().authenticated()
                    .and()
                .sessionManagement()
                    .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .and()
                .oauth2ResourceServer()
                    .jwt()
                    .and()
                    .and()
                .csrf().disable();
        }
    }
}
