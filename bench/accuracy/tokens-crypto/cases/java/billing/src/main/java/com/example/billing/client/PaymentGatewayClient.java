package com.example.billing.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestTemplate;

@Component
public class PaymentGatewayClient {

    private static final Logger log = LoggerFactory.getLogger(PaymentGatewayClient.class);
    private static final int MAX_ATTEMPTS = 4;

    private final RestTemplate rest;
    private final List<String> endpoints;
    private final String apiKey;
    private final String clientSecret;

    public PaymentGatewayClient(RestTemplateBuilder builder,
                                @Value("${billing.gateway.endpoints}") List<String> endpoints,
                                @Value("${billing.gateway.api-key}") String apiKey,
                                @Value("${billing.gateway.client-secret}") String clientSecret) {
        this.rest = builder.build();
        this.endpoints = endpoints;
        this.apiKey = apiKey;
        this.clientSecret = clientSecret;
    }

    public Map<?, ?> charge(String merchantId, BigDecimal amount, String currency) throws InterruptedException {
        log.info("Charging {} {} for merchant {} with key {}", amount, currency, merchantId, redact(apiKey));
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(apiKey);
        HttpEntity<Map<String, Object>> entity = new HttpEntity<>(Map.of("amount", amount, "currency", currency), headers);
        for (int attempt = 1; ; attempt++) {
            String endpoint = endpoints.get(ThreadLocalRandom.current().nextInt(endpoints.size()));
            try {
                ResponseEntity<Map> resp = rest.exchange(endpoint + "/v2/charges", HttpMethod.POST, entity, Map.class);
                if (resp.getStatusCode().value() == 401) {
                    throw new IllegalStateException("Gateway rejected API key " + apiKey);
                }
                return resp.getBody();
            } catch (ResourceAccessException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                long delayMillis = (200L << attempt) + new Random().nextInt(250);
                log.warn("Gateway unreachable ({}), retry {} in {} ms", endpoint, attempt, delayMillis);
                Thread.sleep(delayMillis);
            }
        }
    }

    public Map<?, ?> fetchOAuthToken(String clientId, boolean debug) {
        if (debug) {
            System.err.println("gateway oauth: client_id=" + clientId + " client_secret=" + clientSecret);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(clientId, clientSecret);
        Map<?, ?> token = rest.postForObject(endpoints.get(0) + "/oauth/token", new HttpEntity<>(headers), Map.class);
        log.debug("Gateway token type {} expires in {}s", token.get("token_type"), token.get("expires_in"));
        return token;
    }

    static String redact(String secret) {
        return secret == null || secret.length() < 8 ? "****" : secret.substring(0, 4) + "****";
    }
}
