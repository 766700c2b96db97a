package com.brightcart.shop.hooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PaymentHookController {

    private final HmacUtils hmac;
    private final PaymentEventHandler handler;

    public PaymentHookController(@Value("${shop.payments.webhook-secret}") String secret, PaymentEventHandler handler) {
        this.hmac = new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret);
        this.handler = handler;
    }

    @PostMapping("/hooks/payments")
    public ResponseEntity<Void> paymentEvent(@RequestBody byte[] payload,
                                             @RequestHeader("X-Payhub-Signature") String signature) {
        String expected = "sha256=" + hmac.hmacHex(payload);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                                   signature.getBytes(StandardCharsets.US_ASCII))) {
            return ResponseEntity.status(401).build();
        }
        handler.handle(new String(payload, StandardCharsets.UTF_8));
        return ResponseEntity.accepted().build();
    }
}
