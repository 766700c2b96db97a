package com.example.shop;

import com.example.shop.config.ShopSecurityProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(ShopSecurityProperties.class)
public class ShopApplication {

    private static final Logger log = LoggerFactory.getLogger(ShopApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Dumps the effective settings when running on a developer laptop. */
    @Bean
    @Profile("local")
    public CommandLineRunner printLocalSettings(ShopSecurityProperties props) {
        return args -> {
            System.out.println("Issuer:   " + props.getIssuer());
            System.out.println("Audience: " + props.getAudience());
            System.out.println("JWT signing key: " + props.getSigningKey());
            System.out.println("Access token TTL: " + props.getAccessTokenTtlSeconds() + "s");
        };
    }

    @Bean
    public CommandLineRunner logStartup(ShopSecurityProperties props) {
        return args -> log.info("Shop started, pbkdf2 key length {} bits", props.getPbkdf2KeyLength());
    }
}
