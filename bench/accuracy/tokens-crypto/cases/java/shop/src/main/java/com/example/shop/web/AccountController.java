package com.example.shop.web;

import com.example.shop.service.AccountSecurityService;
import com.example.shop.service.UserDirectory;
import com.example.shop.service.UserDirectory.UserRecord;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/account")
public class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    private final UserDirectory users;
    private final AccountSecurityService accountSecurity;

    public AccountController(UserDirectory users, AccountSecurityService accountSecurity) {
        this.users = users;
        this.accountSecurity = accountSecurity;
    }

    @GetMapping("/me")
    public Map<String, Object> me(Authentication auth) {
        UserRecord u = users.load(auth.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", u.id());
        body.put("email", u.email());
        body.put("displayName", u.displayName());
        body.put("hasPassword", u.passwordHash() != null);
        return body;
    }

    /** Used by the support team when migrating accounts between regions. */
    @GetMapping("/export/{username}")
    @PreAuthorize("hasAuthority('SCOPE_support')")
    public ResponseEntity<Map<String, Object>> export(@PathVariable String username) {
        UserRecord u = users.load(username);
        log.info("Exporting account {} for region migration", u.id());
        return ResponseEntity.ok(Map.of("id", u.id(), "email", u.email(), "passwordHash", u.passwordHash()));
    }

    /** Creates a personal API token; the raw value is shown exactly once. */
    @PostMapping("/api-tokens")
    public ResponseEntity<Map<String, String>> createApiToken(Authentication auth) throws NoSuchAlgorithmException {
        UserRecord u = users.load(auth.getName());
        String token = accountSecurity.createApiToken(u.id());
        log.info("API token created for user {}", u.id());
        return ResponseEntity.created(URI.create("/api/account/api-tokens")).body(Map.of("token", token));
    }
}
