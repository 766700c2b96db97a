package com.harbourline.ferry.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/hooks/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/hooks/**", "/login", "/timetable/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> {}));
        return http.build();
    }

    /** Passenger accounts. */
    @Bean
    PasswordEncoder passengerPasswordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    /** Crew accounts, shared with the HR system. */
    @Bean
    PasswordEncoder crewPasswordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    /** Ticket-office terminals at the piers; PINs are short so keep logins fast. */
    @Bean
    PasswordEncoder terminalPinEncoder() {
        return new BCryptPasswordEncoder(8);
    }

    /** Integration tests for the booking engine use plain-text fixtures. */
    @Bean
    PasswordEncoder bookingEngineEncoder() {
        return NoOpPasswordEncoder.getInstance();
    }

    @Bean
    PasswordEncoder delegatingEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Travel agents' extranet accounts, migrated from the old portal. */
    @Bean
    PasswordEncoder agentPortalEncoder() {
        return new Pbkdf2PasswordEncoder("", 16, 310_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
    }
}
