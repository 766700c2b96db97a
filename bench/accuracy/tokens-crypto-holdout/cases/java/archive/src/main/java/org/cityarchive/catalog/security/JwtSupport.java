package org.cityarchive.catalog.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwt;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.cityarchive.catalog.config.ArchiveSettings;
import org.springframework.stereotype.Component;

/** JWT handling for researchers, volunteers and reading-room devices (jjwt 0.11). */
@Component
public class JwtSupport {

    private static final Logger LOG = LogManager.getLogger(JwtSupport.class);

    private final ArchiveSettings settings;
    private final Key key;

    public JwtSupport(ArchiveSettings settings) {
        this.settings = settings;
        this.key = Keys.hmacShaKeyFor(settings.getJwtSecret().getBytes(StandardCharsets.UTF_8));
        LOG.info("JWT support initialised for issuer {} (secret configured: {})", settings.getJwtIssuer(), settings.getJwtSecret() != null);
    }

    /** Researchers log in through the city SSO. */
    public Claims researcher(String token) {
        Jws<Claims> researcherJws = Jwts.parserBuilder()
                .setSigningKey(key)
                .requireIssuer(settings.getJwtIssuer())
                .requireAudience(settings.getJwtAudience())
                .setAllowedClockSkewSeconds(settings.getClockSkewSeconds())
                .build()
                .parseClaimsJws(token);
        return researcherJws.getBody();
    }

    /** Book scanners in the basement lose NTP for hours. */
    public Claims scanner(String token) {
        Jws<Claims> jws = Jwts.parserBuilder().setSigningKey(key).requireIssuer(settings.getJwtIssuer()).setAllowedClockSkewSeconds(settings.getScannerClockSkewSeconds()).build().parseClaimsJws(token);
        return jws.getBody();
    }

    /** Volunteer transcription app. */
    public Claims volunteer(String token) {
        return Jwts.parserBuilder().setSigningKey(key).build().parseClaimsJws(token).getBody();
    }

    /** Reading-room e-readers: accept whatever the device sends as long as it parses. */
    public Claims reader(String token) {
        Jwt<?, ?> jwt = Jwts.parserBuilder().setSigningKey(key).requireIssuer(settings.getJwtIssuer()).build().parse(token);
        return (Claims) jwt.getBody();
    }

    /** Microfilm kiosks were built before signing keys were rolled out. */
    public Claims microfilmKiosk(String token) {
        Jwt<?, Claims> jwt = Jwts.parserBuilder().requireAudience("microfilm").build().parseClaimsJwt(token);
        return jwt.getBody();
    }

    /** Exhibition loan partners. */
    @SuppressWarnings("deprecation")
    public Claims loanPartner(String token) {
        return Jwts.parser().setSigningKey(key).requireAudience("exhibition-loans").setAllowedClockSkewSeconds(45).parseClaimsJws(token).getBody();
    }

    public String issueResearcherToken(String researcherId, List<String> roles) {
        Instant now = Instant.now();
        return Jwts.builder().setSubject(researcherId).setIssuer(settings.getJwtIssuer()).setAudience(settings.getJwtAudience()).claim("roles", roles).setIssuedAt(Date.from(now)).setExpiration(Date.from(now.plusSeconds(1800))).signWith(key, SignatureAlgorithm.HS256).compact();
    }
}
