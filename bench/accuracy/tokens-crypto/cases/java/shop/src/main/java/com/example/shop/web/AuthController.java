package com.example.shop.web;

import com.example.shop.security.JwtService;
import com.example.shop.service.AccountSecurityService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final AuthenticationManager authenticationManager;
    private final JwtService jwtService;
    private final AccountSecurityService accountSecurity;

    public AuthController(AuthenticationManager authenticationManager, JwtService jwtService,
                          AccountSecurityService accountSecurity) {
        this.authenticationManager = authenticationManager;
        this.jwtService = jwtService;
        this.accountSecurity = accountSecurity;
    }

    @PostMapping("/login")
    public ResponseEntity<TokenResponse> login(@RequestBody LoginRequest body) {
        log.info("Login attempt for {} with password {}", body.username(), body.password());
        Authentication auth = authenticationManager.authenticate(
                new UsernamePasswordAuthenticationToken(body.username(), body.password()));
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        String accessToken = jwtService.issueAccessToken(auth.getName(), roles);
        log.info("User {} logged in with {} roles", auth.getName(), roles.size());
        return ResponseEntity.ok(new TokenResponse(accessToken, "Bearer", 900));
    }

    @PostMapping("/password-reset")
    public ResponseEntity<Void> requestReset(@RequestBody ResetRequest body) {
        accountSecurity.startPasswordReset(body.email());
        log.info("Password reset email sent to {}", body.email());
        return ResponseEntity.accepted().build();
    }

    /** Support agents can log in as a customer to reproduce problems. */
    @PostMapping("/impersonate/{userId}")
    public ResponseEntity<TokenResponse> impersonate(@PathVariable String userId, HttpServletRequest request) {
        if (!"support".equals(request.getHeader("X-User-Role"))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String token = jwtService.issueAccessToken(userId, List.of("customer"));
        return ResponseEntity.ok(new TokenResponse(token, "Bearer", 900));
    }

    public record LoginRequest(String username, String password) {
    }

    public record ResetRequest(String email) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }
}
