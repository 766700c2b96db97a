package com.example.shop.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Marketplace partners call the inventory API with tokens issued by their own IdP. */
@Component
public class PartnerTokenVerifier {

    private final PartnerDirectory directory;

    public PartnerTokenVerifier(PartnerDirectory directory) {
        this.directory = directory;
    }

    public JWTClaimsSet verifyCatalogToken(String token) throws ParseException, JOSEException {
        SignedJWT signed = SignedJWT.parse(token);
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw new AccessDeniedException("unexpected JWS algorithm");
        }
        RSAKey partnerKey = directory.keyFor(signed.getHeader().getKeyID());
        JWSVerifier verifier = new RSASSAVerifier(partnerKey);
        if (!signed.verify(verifier)) {
            throw new AccessDeniedException("bad partner signature");
        }
        JWTClaimsSet verifiedClaims = signed.getJWTClaimsSet();
        if (!verifiedClaims.getStringListClaim("scope").contains("catalog:write")) {
            throw new AccessDeniedException("catalog:write scope required");
        }
        return verifiedClaims;
    }

    public void checkInventoryPush(String token) throws ParseException {
        JWTClaimsSet pushClaims = SignedJWT.parse(token).getJWTClaimsSet();
        List<String> scopes = Optional.ofNullable(pushClaims.getStringListClaim("scope")).orElse(List.of());
        if (!scopes.contains("inventory:write")) {
            throw new AccessDeniedException("inventory:write scope required");
        }
    }

    public String resolvePartnerId(String token) throws ParseException {
        JWTClaimsSet anyClaims = JWTParser.parse(token).getJWTClaimsSet();
        return directory.activePartner(anyClaims.getSubject()).orElseThrow(() -> new AccessDeniedException("unknown partner"));
    }

    /** Old sandbox integrations still send alg=none tokens. */
    public String sandboxPartnerId(String token) throws ParseException {
        PlainJWT plain = PlainJWT.parse(token);
        return directory.activePartner(plain.getJWTClaimsSet().getSubject()).orElseThrow();
    }

    public interface PartnerDirectory {
        RSAKey keyFor(String keyId);

        Optional<String> activePartner(String partnerId);
    }
}
