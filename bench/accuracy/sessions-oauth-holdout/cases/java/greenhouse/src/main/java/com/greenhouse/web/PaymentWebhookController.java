package com.greenhouse.web;

import com.greenhouse.domain.PaymentLedger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Payment provider callbacks; authenticated by an HMAC-SHA256 signature, not a cookie. */
@RestController
public class PaymentWebhookController {

    private final PaymentLedger ledger;
    private final byte[] secret;

    public PaymentWebhookController(PaymentLedger ledger,
                                    @Value("${greenhouse.webhooks.payment-secret}") String secret) {
        this.ledger = ledger;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/webhooks/payments/events")
    public ResponseEntity<Void> receive(@RequestHeader("X-Signature-SHA256") String signature,
                                        @RequestBody byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] expected = mac.doFinal(payload);
        byte[] presented = HexFormat.of().parseHex(signature);
        if (!MessageDigest.isEqual(expected, presented)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        ledger.record(new String(payload, StandardCharsets.UTF_8));
        return ResponseEntity.accepted().build();
    }
}
