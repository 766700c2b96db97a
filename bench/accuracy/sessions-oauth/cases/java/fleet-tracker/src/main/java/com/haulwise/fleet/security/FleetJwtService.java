package com.haulwise.fleet.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** HS256 access and refresh tokens. Refresh tokens are self-contained (typ=refresh). */
@Component
public class FleetJwtService {

    public static final Duration ACCESS_TTL = Duration.ofMinutes(20);
    public static final Duration REFRESH_TTL = Duration.ofDays(7);

    private final byte[] key;

    public FleetJwtService(@Value("${fleet.jwt.hmac-key}") String base64Key) {
        this.key = Base64.getDecoder().decode(base64Key);
    }

    public String access(String subject, List<String> roles) {
        return sign(subject, "access", roles, ACCESS_TTL);
    }

    public String refresh(String subject) {
        return sign(subject, "refresh", List.of(), REFRESH_TTL);
    }

    public JWTClaimsSet verify(String token, String expectedType) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new MACVerifier(key))) {
                throw new InvalidTokenException("bad signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!expectedType.equals(claims.getStringClaim("typ"))
                    || claims.getExpirationTime() == null
                    || claims.getExpirationTime().before(new Date())) {
                throw new InvalidTokenException("wrong type or expired");
            }
            return claims;
        } catch (ParseException | JOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        }
    }

    private String sign(String subject, String type, List<String> roles, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .subject(subject)
                .claim("typ", type)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
