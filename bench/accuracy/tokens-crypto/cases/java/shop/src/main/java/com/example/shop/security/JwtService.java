package com.example.shop.security;

import static io.jsonwebtoken.Jwts.parser;

import com.example.shop.config.ShopSecurityProperties;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Service;

@Service
public class JwtService {

    private final ShopSecurityProperties props;
    private final Clock clock;
    private final SecretKey key;

    public JwtService(ShopSecurityProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
        this.key = Keys.hmacShaKeyFor(Decoders.BASE64.decode(props.getSigningKey()));
    }

    public String issueAccessToken(String userId, List<String> roles) {
        Instant now = clock.instant();
        String compactJws = Jwts.builder()
                .issuer(props.getIssuer())
                .audience().add(props.getAudience()).and()
                .subject(userId)
                .claim("roles", roles)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(props.getAccessTokenTtlSeconds())))
                .signWith(key)
                .compact();
        return compactJws;
    }

    /** Access tokens presented to /api/**. */
    public Claims parseAccessToken(String token) {
        Claims accessClaims = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(props.getIssuer())
                .requireAudience(props.getAudience())
                .build()
                .parseSignedClaims(token)
                .getPayload();
        return accessClaims;
    }

    /** Tokens embedded in e-mailed order-tracking links. */
    public Claims parseTrackingToken(String token) {
        return Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
    }

    /** Tokens of the mobile app; phones have badly drifting clocks. */
    public Claims parseMobileToken(String token) {
        Claims mobileClaims = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(props.getIssuer())
                .clockSkewSeconds(3600)
                .build()
                .parseSignedClaims(token)
                .getPayload();
        return mobileClaims;
    }

    /** In-store kiosks get their own audience. */
    public Claims parseKioskToken(String token) {
        Claims kioskClaims = Jwts.parser()
                .verifyWith(key)
                .requireAudience("shop-kiosk")
                .clockSkewSeconds(30)
                .build()
                .parseSignedClaims(token)
                .getPayload();
        return kioskClaims;
    }

    /** Gift-card balance lookups from the partner widget. */
    public Claims parseWidgetToken(String token) {
        return parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
    }

    private JwtParser loyaltyParser() {
        return Jwts.parser().verifyWith(key).requireIssuer(props.getIssuer()).build();
    }

    public String loyaltyMemberId(String token) {
        return loyaltyParser().parseSignedClaims(token).getPayload().getSubject();
    }

    /** Refresh tokens are only accepted by /api/auth/refresh. */
    public String refreshSubject(String refreshToken) {
        return Jwts.parser().verifyWith(key).requireIssuer(props.getIssuer()).requireAudience("shop-refresh").build()
                .parseSignedClaims(refreshToken).getPayload().getSubject();
    }

    public static String bearerToken(String authorizationHeader) {
        if (authorizationHeader.length() < 8 || !authorizationHeader.startsWith("Bearer ")) {
            throw new IllegalArgumentException("Malformed Authorization header: " + authorizationHeader);
        }
        return authorizationHeader.substring(7);
    }
}
