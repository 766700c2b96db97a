package net.cargolane.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PartnerPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerPortalApplication.class, args);
    }
}
