package com.example.shop.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentWebhookController {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);

    @Value("${shop.webhooks.payment-secret}")
    private String paymentSecret;

    @Value("${shop.webhooks.carrier-secret}")
    private String carrierSecret;

    @Value("${shop.webhooks.marketplace-secret}")
    private String marketplaceSecret;

    @PostMapping("/webhooks/payments")
    public ResponseEntity<Void> payment(@RequestHeader("X-Signature") String signature, @RequestBody String payload)
            throws GeneralSecurityException {
        String expected = HexFormat.of().formatHex(hmacSha256(paymentSecret, payload));
        if (!expected.equals(signature)) {
            log.warn("Payment webhook rejected: signature mismatch");
            return ResponseEntity.status(401).build();
        }
        log.info("Payment webhook accepted ({} bytes)", payload.length());
        return ResponseEntity.ok().build();
    }

    @PostMapping("/webhooks/carrier")
    public ResponseEntity<Void> carrier(@RequestHeader("X-Carrier-Signature") String signature,
                                        @RequestBody String payload) throws GeneralSecurityException {
        byte[] expected = hmacSha256(carrierSecret, payload);
        byte[] provided = HexFormat.of().parseHex(signature);
        if (!MessageDigest.isEqual(expected, provided)) {
            return ResponseEntity.status(401).build();
        }
        return ResponseEntity.ok().build();
    }

    @PostMapping("/webhooks/marketplace")
    public ResponseEntity<Void> marketplace(@RequestHeader("X-Marketplace-Hmac") String signature,
                                            @RequestBody String payload) throws GeneralSecurityException {
        byte[] expected = hmacSha256(marketplaceSecret, payload);
        byte[] provided = java.util.Base64.getDecoder().decode(signature);
        if (!Arrays.equals(expected, provided)) {
            return ResponseEntity.status(401).build();
        }
        return ResponseEntity.ok().build();
    }

    private static byte[] hmacSha256(String secret, String payload) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    }
}
