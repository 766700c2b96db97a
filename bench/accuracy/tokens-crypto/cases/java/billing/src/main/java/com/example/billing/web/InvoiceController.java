package com.example.billing.web;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.example.billing.security.PortalTokenVerifier;
import com.example.billing.service.InvoiceService;
import com.example.billing.service.InvoiceService.Invoice;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invoices")
public class InvoiceController {

    private static final Logger log = LoggerFactory.getLogger(InvoiceController.class);

    private final PortalTokenVerifier tokens;
    private final InvoiceService invoices;

    public InvoiceController(PortalTokenVerifier tokens, InvoiceService invoices) {
        this.tokens = tokens;
        this.invoices = invoices;
    }

    @GetMapping("/{id}")
    public ResponseEntity<Invoice> get(@PathVariable long id, @RequestHeader("Authorization") String authorization) {
        DecodedJWT merchant = tokens.verifyMerchant(stripBearer(authorization));
        Invoice invoice = invoices.find(id);
        if (!invoice.merchantId().equals(merchant.getSubject())) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return ResponseEntity.ok(invoice);
    }

    @PostMapping("/{id}/void")
    public ResponseEntity<Void> voidInvoice(@PathVariable long id, @RequestHeader("Authorization") String authorization) {
        DecodedJWT caller = JWT.decode(stripBearer(authorization));
        String role = caller.getClaim("role").asString();
        if (!"billing-admin".equals(role)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        invoices.voidInvoice(id, caller.getSubject());
        return ResponseEntity.noContent().build();
    }

    /** Finance staff sign in through the corporate IdP. */
    @PostMapping("/{id}/credit")
    public ResponseEntity<Void> credit(@PathVariable long id, @RequestBody BigDecimal amount,
                                       @RequestHeader("Authorization") String authorization) {
        String token = stripBearer(authorization);
        DecodedJWT unverified = JWT.decode(token);
        JWTVerifier verifier = tokens.idpVerifierFor(unverified.getKeyId());
        DecodedJWT staff = verifier.verify(token);
        List<String> groups = staff.getClaim("groups").asList(String.class);
        if (groups == null || !groups.contains("finance-credit")) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        invoices.credit(id, amount, staff.getSubject());
        log.info("Credit of {} on invoice {} by {}", amount, id, staff.getSubject());
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/{id}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestHeader("X-Download-Token") String link) {
        DecodedJWT download = tokens.verifyDownloadLink(link);
        if (!download.getSubject().equals(Long.toString(id))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(invoices.renderPdf(id));
    }

    private static String stripBearer(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7) : authorization;
    }
}
