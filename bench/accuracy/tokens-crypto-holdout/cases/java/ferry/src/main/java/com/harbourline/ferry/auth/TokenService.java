package com.harbourline.ferry.auth;

import static com.harbourline.ferry.config.SecurityProps.ACCESS_TOKEN_TTL;
import static com.harbourline.ferry.config.SecurityProps.AUDIENCE;
import static com.harbourline.ferry.config.SecurityProps.CLOCK_SKEW_SECONDS;
import static com.harbourline.ferry.config.SecurityProps.CREW_ISSUER;
import static com.harbourline.ferry.config.SecurityProps.ISSUER;
import static com.harbourline.ferry.config.SecurityProps.TURNSTILE_SKEW_SECONDS;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwt;
import io.jsonwebtoken.Jwts;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Issues and verifies the JWTs used between the booking apps and this service. */
@Service
public class TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    private final SecretKey crewKey;
    private final PublicKey loginKey;

    public TokenService(SecretKey crewKey, PublicKey loginKey) {
        this.crewKey = crewKey;
        this.loginKey = loginKey;
        log.info("token service ready, crew key algorithm={} length={} bytes", crewKey.getAlgorithm(), crewKey.getEncoded().length);
    }

    /** Passenger tokens from the Harbourline login service. */
    public Claims verifyPassenger(String token) {
        Jws<Claims> jws = Jwts.parser()
                .verifyWith(loginKey)
                .requireIssuer(ISSUER)
                .requireAudience(AUDIENCE)
                .clockSkewSeconds(CLOCK_SKEW_SECONDS)
                .build()
                .parseSignedClaims(token);
        return jws.getPayload();
    }

    /** Crew handheld tokens (HS256, shared crew key). */
    public Claims verifyCrew(String token) {
        return Jwts.parser().verifyWith(crewKey).build().parseSignedClaims(token).getPayload();
    }

    /** Pier turnstiles sync their clocks only when docked. */
    public Claims verifyTurnstile(String token) {
        return Jwts.parser().verifyWith(crewKey).requireIssuer(CREW_ISSUER).clockSkewSeconds(TURNSTILE_SKEW_SECONDS).build().parseSignedClaims(token).getPayload();
    }

    /** Captains' tablets: any signed JWT from the crew issuer. */
    public Jwt<?, ?> verifyCaptainTablet(String token) {
        return Jwts.parser().verifyWith(crewKey).requireIssuer(CREW_ISSUER).build().parse(token);
    }

    /** Deck-screen displays send an unsigned token with the deck number. */
    public String deckFromDisplay(String token) {
        Claims claims = Jwts.parser().unsecured().build().parseUnsecuredClaims(token).getPayload();
        return claims.get("deck", String.class);
    }

    public Jws<Claims> verifyCrewWithAudience(String token) {
        return Jwts.parser().verifyWith(crewKey).requireAudience("crew-portal").clockSkewSeconds(CLOCK_SKEW_SECONDS).build().parseSignedClaims(token);
    }

    public String issueCrewToken(String crewId, List<String> roles) {
        Instant now = Instant.now();
        String token = Jwts.builder()
                .subject(crewId)
                .issuer(CREW_ISSUER)
                .audience().add("crew-portal").and()
                .claim("roles", roles)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ACCESS_TOKEN_TTL)))
                .signWith(crewKey)
                .compact();
        log.debug("crew token issued for {} expiring in {}", crewId, ACCESS_TOKEN_TTL);
        return token;
    }
}
