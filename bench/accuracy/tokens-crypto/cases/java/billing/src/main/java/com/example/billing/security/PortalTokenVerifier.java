package com.example.billing.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.example.billing.config.JwtSettings;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Verifies tokens with auth0 java-jwt: merchant portal tokens (HMAC), finance staff
 * tokens from the corporate IdP (RSA) and signed invoice download links.
 */
@Component
public class PortalTokenVerifier {

    private final Algorithm portalAlg;
    private final Algorithm downloadAlg;
    private final Map<String, RSAPublicKey> idpKeys;
    private final JWTVerifier merchantVerifier;
    private final JWTVerifier reportingVerifier;

    public PortalTokenVerifier(@Value("${billing.jwt.hmac-secret}") String portalSecret,
                               @Value("${billing.jwt.download-secret}") String downloadSecret,
                               Map<String, RSAPublicKey> idpKeys) {
        this.portalAlg = Algorithm.HMAC256(portalSecret);
        this.downloadAlg = Algorithm.HMAC256(downloadSecret);
        this.idpKeys = idpKeys;
        this.merchantVerifier = JWT.require(portalAlg)
                .withIssuer(JwtSettings.ISSUER)
                .withAudience(JwtSettings.AUDIENCE)
                .acceptLeeway(5)
                .build();
        this.reportingVerifier = JWT.require(portalAlg).build();
    }

    public DecodedJWT verifyMerchant(String token) {
        return merchantVerifier.verify(token);
    }

    /** Read-only tokens used by the BI dashboards. */
    public DecodedJWT verifyReporting(String token) {
        return reportingVerifier.verify(token);
    }

    /** The kid header selects the IdP key; the verifier is then pinned to it. */
    public JWTVerifier idpVerifierFor(String keyId) {
        RSAPublicKey key = idpKeys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("unknown IdP key id " + keyId);
        }
        return JWT.require(Algorithm.RSA256(key, null))
                .withIssuer(JwtSettings.IDP_ISSUER)
                .acceptLeeway(600)
                .build();
    }

    public DecodedJWT verifyDownloadLink(String token) {
        return JWT.require(downloadAlg).withAudience(JwtSettings.DOWNLOAD_AUDIENCE).acceptExpiresAt(86_400).build().verify(token);
    }

    public DecodedJWT verifyStatementLink(String token) {
        return JWT.require(downloadAlg).withIssuer(JwtSettings.ISSUER).withAudience("statement-download").build().verify(token);
    }

    public String issueDownloadLink(String invoiceId) {
        return JWT.create()
                .withIssuer(JwtSettings.ISSUER)
                .withAudience(JwtSettings.DOWNLOAD_AUDIENCE)
                .withSubject(invoiceId)
                .withExpiresAt(Instant.now().plus(JwtSettings.DOWNLOAD_LINK_TTL))
                .sign(downloadAlg);
    }
}
