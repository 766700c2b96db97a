package com.example.portal.security;

import static com.auth0.jwt.JWT.create;
import static com.auth0.jwt.JWT.require;

import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.example.portal.config.PortalConfig;
import com.example.portal.security.PasswordHasher.Account;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import javax.crypto.SecretKey;

/**
 * Portal access tokens and remember-me cookies (auth0 java-jwt), plus tokens minted
 * by the intranet (jjwt 0.12).
 */
public class PortalTokens {

    public static final long ACCESS_TTL_SECONDS = 3600;

    private final PortalConfig config;
    private final Algorithm accessAlg;
    private final JWTVerifier accessVerifier;
    private final JWTVerifier rememberMeVerifier;
    private final JWTVerifier kioskVerifier;
    private final SecretKey intranetKey;

    public PortalTokens(PortalConfig config) {
        this.config = config;
        this.accessAlg = Algorithm.HMAC256(config.accessTokenSecret());
        this.accessVerifier = require(accessAlg).withIssuer(config.issuer()).withAudience(config.audience()).build();
        this.rememberMeVerifier = require(Algorithm.HMAC512(config.rememberMeSecret())).build();
        this.kioskVerifier = buildKioskVerifier(accessAlg);
        this.intranetKey = Keys.hmacShaKeyFor(config.intranetKey());
    }

    private static JWTVerifier buildKioskVerifier(Algorithm alg) {
        return require(alg).acceptLeeway(1).build();
    }

    public String issueAccessToken(Account account) {
        return create()
                .withIssuer(config.issuer())
                .withAudience(config.audience())
                .withSubject(account.id())
                .withClaim("role", account.role())
                .withExpiresAt(Instant.now().plusSeconds(ACCESS_TTL_SECONDS))
                .sign(accessAlg);
    }

    public DecodedJWT verifyAccess(String token) {
        return accessVerifier.verify(token);
    }

    public DecodedJWT verifyKiosk(String token) {
        return kioskVerifier.verify(token);
    }

    public DecodedJWT verifyRememberMe(String token) {
        return rememberMeVerifier.verify(token);
    }

    /** Employees of the outsourcing partner sign in through the partner's SSO. */
    public DecodedJWT verifyPartnerSso(String idToken, RSAPublicKey partnerKey) {
        return require(Algorithm.RSA256(partnerKey, null)).withIssuer(config.partnerIssuer()).acceptLeeway(1800).build().verify(idToken);
    }

    /** Passwordless e-mail links, valid for a few minutes. */
    public DecodedJWT verifyMagicLink(String token) {
        return require(accessAlg).withIssuer(config.issuer()).acceptExpiresAt(120).build().verify(token);
    }

    /** Tokens minted by the intranet for embedded widgets. */
    public Claims verifyIntranetWidget(String token) {
        Claims widget = Jwts.parser()
                .verifyWith(intranetKey)
                .requireAudience("portal-widgets")
                .clockSkewSeconds(600)
                .build()
                .parseSignedClaims(token)
                .getPayload();
        return widget;
    }

    /** Service-to-service calls from the intranet backend. */
    public Claims verifyIntranetService(String token) {
        return Jwts.parser().verifyWith(intranetKey).requireIssuer(config.intranetIssuer()).build().parseSignedClaims(token).getPayload();
    }
}
