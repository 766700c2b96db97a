package com.harbourline.ferry.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tokens presented by travel-agent booking systems (Nimbus JOSE). */
@Component
public class TravelAgentTokens {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final RSAKey agentKey;

    public TravelAgentTokens(RSAKey agentKey) {
        this.agentKey = agentKey;
    }

    public JWTClaimsSet verified(String token) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(new RSASSAVerifier(agentKey))) {
            throw new SecurityException("bad agent signature");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (!"https://agents.harbourline.example".equals(claims.getIssuer())) {
            throw new SecurityException("unexpected issuer");
        }
        return claims;
    }

    /** Quick lookup for the booking widget: who is the agent? */
    public String agentId(String token) throws ParseException {
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        return claims.getSubject();
    }

    /** Accepts both signed and (for the sandbox) plain tokens. */
    public JWTClaimsSet anyAgentToken(String token) throws ParseException, JOSEException {
        com.nimbusds.jwt.JWT parsed = JWTParser.parse(token);
        if (parsed instanceof PlainJWT) {
            return parsed.getJWTClaimsSet();
        }
        return verified(token);
    }

    public String commissionTier(String token) throws ParseException {
        return (String) JWTParser.parse(token).getJWTClaimsSet().getClaim("tier");
    }

    /** Agents' mobile app passes the token in a query string; read the agent id from it. */
    @SuppressWarnings("unchecked")
    public String agentFromLink(String token) throws Exception {
        String[] parts = token.split("\\.");
        byte[] json = Base64.getUrlDecoder().decode(parts[1]);
        Map<String, Object> body = MAPPER.readValue(json, Map.class);
        return (String) body.get("sub");
    }
}
