package com.northwind.clinic.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
public class InboundReferralController {

    private final byte[] hieKey;
    private final ReferralInbox inbox;

    public InboundReferralController(@Value("${hie.signing-key}") String hieKey, ReferralInbox inbox) {
        this.hieKey = hieKey.getBytes(StandardCharsets.UTF_8);
        this.inbox = inbox;
    }

    @PostMapping("/referrals/inbound/documents")
    public ResponseEntity<Void> receive(@RequestBody byte[] document,
                                        @RequestHeader("X-HIE-Signature") String signature)
            throws NoSuchAlgorithmException, InvalidKeyException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(hieKey, "HmacSHA256"));
        byte[] expected = HexFormat.of().formatHex(mac.doFinal(document)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return ResponseEntity.status(401).build();
        }
        inbox.accept(document);
        return ResponseEntity.accepted().build();
    }
}
