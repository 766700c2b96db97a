package com.example.billing.web;

import com.example.billing.service.MerchantService;
import com.example.billing.service.MerchantService.Merchant;
import com.example.billing.service.MerchantService.OAuthApp;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/merchants")
public class MerchantAccountController {

    private static final Logger log = LoggerFactory.getLogger(MerchantAccountController.class);

    private final MerchantService merchants;

    public MerchantAccountController(MerchantService merchants) {
        this.merchants = merchants;
    }

    @GetMapping("/{merchantId}")
    public Map<String, Object> profile(@PathVariable String merchantId, HttpServletRequest request) {
        if (!merchantId.equals(request.getHeader("X-User-Id"))) {
            throw new org.springframework.security.access.AccessDeniedException("not your account");
        }
        Merchant m = merchants.load(merchantId);
        return Map.of("id", m.id(), "email", m.email(), "hasPassword", m.passwordHash() != null);
    }

    @PostMapping("/{merchantId}/password")
    public ResponseEntity<Void> changePassword(@PathVariable String merchantId, @RequestBody PasswordChange body) {
        if (!merchants.passwordMatches(merchantId, body.currentPassword())) {
            throw new BadCredentialsException("Invalid password");
        }
        merchants.changePassword(merchantId, body.newPassword());
        log.info("Password changed for merchant {}, new length {}", merchantId, body.newPassword().length());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{merchantId}/api-keys")
    public ResponseEntity<Map<String, String>> createApiKey(@PathVariable String merchantId) {
        MerchantService.NewApiKey created = merchants.createApiKey(merchantId);
        return ResponseEntity.created(URI.create("/api/merchants/" + merchantId + "/api-keys/" + created.id()))
                .body(Map.of("id", created.id(), "apiKey", created.rawKey()));
    }

    @GetMapping("/{merchantId}/oauth-apps/{clientId}")
    public ResponseEntity<OAuthApp> oauthApp(@PathVariable String merchantId, @PathVariable String clientId) {
        OAuthApp app = merchants.findApp(merchantId, clientId);
        return ResponseEntity.ok(new OAuthApp(app.clientId(), app.name(), app.redirectUris(), app.clientSecret()));
    }

    @GetMapping("/{merchantId}/payouts")
    public ResponseEntity<List<Map<String, Object>>> payouts(@PathVariable String merchantId,
                                                              @RequestParam(defaultValue = "payouts:read") String scope) {
        if (!scope.contains("payouts:read")) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(merchants.payouts(merchantId));
    }

    @PostMapping("/{merchantId}/refresh")
    public ResponseEntity<Map<String, Object>> refresh(@PathVariable String merchantId, @RequestBody Map<String, String> body) {
        String refreshToken = body.get("refreshToken");
        if (!merchants.isValidRefreshToken(merchantId, refreshToken)) {
            log.warn("Refresh token {} rejected for merchant {}", refreshToken, merchantId);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        String access = merchants.newAccessToken(merchantId);
        log.debug("Issued access token for {}, expires_in={}s", merchantId, 600);
        return ResponseEntity.ok(Map.of("access_token", access, "token_type", "Bearer", "expires_in", 600));
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }
}
