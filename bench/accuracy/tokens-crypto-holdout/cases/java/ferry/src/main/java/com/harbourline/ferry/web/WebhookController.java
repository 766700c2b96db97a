package com.harbourline.ferry.web;

import com.harbourline.ferry.accounts.PasswordDigests;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/hooks")
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final byte[] paymentsKey;
    private final String weatherApiKey;

    public WebhookController(@Value("${payments.webhook-key}") String paymentsKey, @Value("${weather.api-key}") String weatherApiKey) {
        this.paymentsKey = paymentsKey.getBytes(StandardCharsets.UTF_8);
        this.weatherApiKey = weatherApiKey;
    }

    @PostMapping("/payments")
    public ResponseEntity<Void> payment(@RequestHeader("X-Signature") String signature, @RequestBody String body) throws GeneralSecurityException {
        if (signature == null || signature.isEmpty()) {
            return ResponseEntity.badRequest().build();
        }
        String expected = PasswordDigests.signManifest(paymentsKey, body);
        if (!MessageDigest.isEqual(HexFormat.of().parseHex(signature), HexFormat.of().parseHex(expected))) {
            return ResponseEntity.status(401).build();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/payments/legacy")
    public ResponseEntity<Void> legacyPayment(@RequestHeader("X-Signature") String signature, @RequestBody String body) throws GeneralSecurityException {
        String expected = PasswordDigests.signManifest(paymentsKey, body);
        if (!signature.equals(expected)) {
            log.warn("legacy payment hook: bad signature from payments provider");
            return ResponseEntity.status(401).build();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/refunds")
    public ResponseEntity<Void> refund(@RequestHeader("X-Signature") String signature, @RequestBody String body) throws GeneralSecurityException {
        byte[] given = HexFormat.of().parseHex(signature);
        byte[] expected = HexFormat.of().parseHex(PasswordDigests.signManifest(paymentsKey, body));
        if (!Arrays.equals(given, expected)) {
            return ResponseEntity.status(401).build();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/weather")
    public ResponseEntity<Void> weather(@RequestHeader("X-Api-Key") String apiKey, @RequestHeader(value = "X-Event", defaultValue = "forecast") String event) {
        if (!apiKey.equals(weatherApiKey)) {
            throw new SecurityException("weather hook rejected, expected key " + weatherApiKey);
        }
        if ("storm-warning".equals(event)) {
            log.warn("storm warning received");
        }
        return ResponseEntity.noContent().build();
    }
}
