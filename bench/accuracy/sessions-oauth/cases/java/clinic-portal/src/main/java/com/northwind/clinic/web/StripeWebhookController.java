package com.northwind.clinic.web;

import com.northwind.clinic.billing.InvoiceService;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Stripe events. Exempt from CSRF in SecurityConfig; authenticity comes
 * from the Stripe-Signature header instead.
 */
@RestController
public class StripeWebhookController {

    private final InvoiceService invoices;
    private final String endpointSecret;

    public StripeWebhookController(InvoiceService invoices,
                                   @Value("${stripe.webhook-secret}") String endpointSecret) {
        this.invoices = invoices;
        this.endpointSecret = endpointSecret;
    }

    @PostMapping("/webhooks/stripe")
    public ResponseEntity<Void> receive(@RequestBody String payload,
                                        @RequestHeader("Stripe-Signature") String signature) {
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, endpointSecret);
        } catch (SignatureVerificationException e) {
            return ResponseEntity.badRequest().build();
        }
        switch (event.getType()) {
            case "invoice.paid" -> invoices.markPaid(event);
            case "invoice.payment_failed" -> invoices.markFailed(event);
            default -> { /* ignored */ }
        }
        return ResponseEntity.ok().build();
    }
}
