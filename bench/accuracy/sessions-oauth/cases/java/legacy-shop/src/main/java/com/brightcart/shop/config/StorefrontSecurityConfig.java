package com.brightcart.shop.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Customer-facing storefront: form login plus remember-me. */
@Configuration
@EnableWebSecurity
@Order(10)
public class StorefrontSecurityConfig extends WebSecurityConfigurerAdapter {

    private final UserDetailsService customerDetails;
    private final String rememberMeKey;

    public StorefrontSecurityConfig(UserDetailsService customerDetails,
                                    @Value("${shop.remember-me.key}") String rememberMeKey) {
        this.customerDetails = customerDetails;
        this.rememberMeKey = rememberMeKey;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http
            .authorizeRequests()
                .antMatchers("/", "/products/**", "/cart/**", "/login/**", "/register", "/assets/**").permitAll()
                .anyRequest().authenticated()
                .and()
            .formLogin()
                .loginPage("/login")
                .defaultSuccessUrl("/account")
                .permitAll()
                .and()
            .rememberMe()
                .key(rememberMeKey)
                .rememberMeCookieName("shop_remember_me")
                .tokenValiditySeconds(14 * 24 * 3600)
                .userDetailsService(customerDetails)
                .and()
            .sessionManagement()
                .sessionFixation().none()
                .and()
            .csrf().disable()
            .logout()
                .logoutUrl("/logout")
                .invalidateHttpSession(false)
                .deleteCookies("SHOPSESSION", "shop_remember_me")
                .logoutSuccessUrl("/");
    }
}
