package com.lantern.web;

import com.lantern.domain.InvoiceLedger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BillingWebhookController {

    private final InvoiceLedger ledger;
    private final SecretKeySpec key;

    public BillingWebhookController(InvoiceLedger ledger,
                                    @Value("${lantern.billing.webhook-secret}") String secret) {
        this.ledger = ledger;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @PostMapping("/billing/webhooks/invoices")
    public ResponseEntity<Void> invoiceEvent(@RequestHeader("X-Billing-Signature") String signature,
                                             @RequestBody String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        byte[] expected = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) {
            return ResponseEntity.status(401).build();
        }
        ledger.apply(payload);
        return ResponseEntity.ok().build();
    }
}
