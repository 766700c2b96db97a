package com.haulwise.fleet.telematics;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "fleet.telematics")
public record TelematicsProperties(Vendor tracknet, Vendor roadsense) {

    public record Vendor(String authorizeUri, String tokenUri, String clientId, String clientSecret,
                         String redirectUri) {
    }
}
