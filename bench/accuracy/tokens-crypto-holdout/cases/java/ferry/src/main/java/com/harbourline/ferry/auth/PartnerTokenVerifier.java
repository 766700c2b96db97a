package com.harbourline.ferry.auth;

import static com.harbourline.ferry.config.SecurityProps.AUDIENCE;
import static com.harbourline.ferry.config.SecurityProps.ISSUER;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tokens from tour operators and port authorities (auth0 java-jwt). */
@Component
public class PartnerTokenVerifier {

    private static final Logger log = LoggerFactory.getLogger(PartnerTokenVerifier.class);

    private final Map<String, RSAPublicKey> operatorKeys;
    private final Algorithm portAuthorityAlg;
    private final JWTVerifier operatorVerifier;
    private final JWTVerifier cateringVerifier;
    private final JWTVerifier harbourPilotVerifier;
    private final JWTVerifier customsVerifier;

    public PartnerTokenVerifier(Map<String, RSAPublicKey> operatorKeys, Algorithm portAuthorityAlg) {
        this.operatorKeys = operatorKeys;
        this.portAuthorityAlg = portAuthorityAlg;
        this.operatorVerifier = JWT.require(portAuthorityAlg)
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .acceptLeeway(5)
                .build();
        this.cateringVerifier = JWT.require(Algorithm.HMAC256(System.getenv("CATERING_SECRET")))
                .acceptLeeway(10)
                .build();
        this.harbourPilotVerifier = JWT.require(portAuthorityAlg)
                .withIssuer("https://pilots.port.example")
                .acceptExpiresAt(86_400)
                .build();
        this.customsVerifier = JWT.require(portAuthorityAlg)
                .withAudience(AUDIENCE)
                .acceptLeeway(900)
                .build();
    }

    public DecodedJWT verifyOperator(String token) {
        return operatorVerifier.verify(token);
    }

    public DecodedJWT verifyCatering(String token) {
        return cateringVerifier.verify(token);
    }

    public DecodedJWT verifyHarbourPilot(String token) {
        return harbourPilotVerifier.verify(token);
    }

    public DecodedJWT verifyCustoms(String token) {
        return customsVerifier.verify(token);
    }

    /** Operators sign with per-operator keys; the kid tells us which one. */
    public DecodedJWT verifyWithOperatorKey(String token) {
        DecodedJWT unverified = JWT.decode(token);
        RSAPublicKey key = operatorKeys.get(unverified.getKeyId());
        if (key == null) {
            throw new IllegalArgumentException("unknown operator key id");
        }
        return JWT.require(Algorithm.RSA256(key, null)).withIssuer(ISSUER).build().verify(token);
    }

    /** Group-booking agents: we just need to know which agency is calling. */
    public String agencyOf(String token) {
        DecodedJWT jwt = JWT.decode(token);
        return jwt.getClaim("agency").asString();
    }

    public boolean isPortAuthorityOfficer(String token) {
        DecodedJWT decoded = JWT.decode(token);
        List<String> roles = decoded.getClaim("roles").asList(String.class);
        return roles != null && roles.contains("port-officer");
    }

    /** Our outbound token for the port API: refresh shortly before it expires. */
    public Instant refreshAt(String ownToken) {
        Instant expiresAt = JWT.decode(ownToken).getExpiresAtAsInstant();
        log.debug("port API token refresh scheduled before {}", expiresAt);
        return expiresAt.minusSeconds(60);
    }

    public String signPortRequest(String vesselId) {
        return JWT.create().withIssuer(ISSUER).withSubject(vesselId).withAudience("port-api").withExpiresAt(Instant.now().plusSeconds(300)).sign(portAuthorityAlg);
    }
}
