package com.northwind.clinic.ehr;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "ehr")
public record EhrProperties(String authorizeUri,
                            String tokenUri,
                            String clientId,
                            String clientSecret,
                            String callbackUri) {
}
