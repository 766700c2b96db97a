package com.harbourline.ferry.web;

import com.harbourline.ferry.auth.TokenService;
import com.harbourline.ferry.crypto.TicketCrypto;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    private final CrewDirectory crew;
    private final PasswordEncoder crewEncoder;
    private final TokenService tokens;
    private final TicketCrypto ticketCrypto;

    public AccountController(CrewDirectory crew, @Qualifier("crewPasswordEncoder") PasswordEncoder crewEncoder, TokenService tokens, TicketCrypto ticketCrypto) {
        this.crew = crew;
        this.crewEncoder = crewEncoder;
        this.tokens = tokens;
        this.ticketCrypto = ticketCrypto;
    }

    record LoginRequest(String crewId, String password) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @PostMapping("/login")
    public ResponseEntity<TokenResponse> login(@RequestBody LoginRequest req) {
        CrewDirectory.Member member = crew.find(req.crewId());
        if (member == null || !crewEncoder.matches(req.password(), member.passwordHash())) {
            log.warn("crew login failed for {} (password '{}')", req.crewId(), req.password());
            throw new BadCredentialsException("Invalid crew id or password");
        }
        String token = tokens.issueCrewToken(member.id(), member.roles());
        log.info("crew {} logged in, token_type=Bearer expires_in=900", member.id());
        return ResponseEntity.ok(new TokenResponse(token, "Bearer", 900));
    }

    @PostMapping("/crew/{id}/reset-password")
    public ResponseEntity<Map<String, String>> resetPassword(@PathVariable String id) {
        String temporary = ticketCrypto.temporaryCrewPassword();
        crew.setPassword(id, crewEncoder.encode(temporary));
        log.info("temporary password for crew {} is {}", id, temporary);
        return ResponseEntity.ok(Map.of("status", "reset", "delivery", "sms"));
    }

    @GetMapping("/crew/{id}")
    public ResponseEntity<Map<String, Object>> member(@PathVariable String id) {
        CrewDirectory.Member m = crew.find(id);
        return ResponseEntity.ok(Map.of("id", m.id(), "name", m.name(), "roles", m.roles(), "passwordHash", m.passwordHash()));
    }

    @PostMapping("/crew/{id}/password")
    public ResponseEntity<Void> changePassword(@PathVariable String id, @RequestBody Map<String, String> body) {
        String next = body.get("password");
        if (next == null || next.length() < 12) {
            throw new IllegalArgumentException("password must have at least 12 characters");
        }
        crew.setPassword(id, crewEncoder.encode(next));
        log.info("password changed for crew {} (length {})", id, next.length());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/crew/{id}/integrations")
    public ResponseEntity<Map<String, Object>> integrations(@PathVariable String id) {
        CrewDirectory.Member m = crew.find(id);
        String key = m.apiKey();
        String masked = key.substring(0, 4) + "…" + key.substring(key.length() - 2);
        log.debug("integration key for crew {}: {}", id, masked);
        return ResponseEntity.ok(Map.of("apiKeyHint", masked, "hasApiKey", true));
    }

    @PostMapping("/crew/{id}/rotate-key")
    public ResponseEntity<Map<String, String>> rotateKey(@PathVariable String id) {
        String fresh = ticketCrypto.checkInToken();
        crew.setApiKey(id, fresh);
        System.out.println("rotated API key for " + id + ": " + fresh);
        return ResponseEntity.ok(Map.of("apiKey", fresh));
    }

    public interface CrewDirectory {
        Member find(String id);

        void setPassword(String id, String hash);

        void setApiKey(String id, String key);

        record Member(String id, String name, List<String> roles, String passwordHash, String apiKey) {
        }
    }
}
