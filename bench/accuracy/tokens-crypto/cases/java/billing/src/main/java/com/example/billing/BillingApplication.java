package com.example.billing;

import com.example.billing.config.BillingSecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(BillingSecurityProperties.class)
public class BillingApplication {

    private static final Logger log = LoggerFactory.getLogger(BillingApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(BillingApplication.class, args);
    }

    /** Refuse to start without the internal API key instead of failing on the first call. */
    @Bean
    public ApplicationRunner checkSecrets(BillingSecurityProperties props) {
        return args -> {
            String key = props.getInternalApiKey();
            if (key == null || key.isBlank()) {
                log.error("billing.security.internal-api-key is not set; refusing to start");
                throw new IllegalStateException("missing internal API key configuration");
            }
            log.info("Internal API key configured ({} characters), PBKDF2 iterations {}",
                    key.length(), props.getPbkdf2Iterations());
        };
    }
}
