package com.tidewater.web;

import com.tidewater.domain.Account;
import com.tidewater.domain.AccountRepository;
import com.tidewater.domain.PasswordReset;
import com.tidewater.domain.PasswordResetRepository;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/account")
public class AccountController {

    public static final class ChangePassword {
        public String currentPassword;
        public String newPassword;
    }

    public static final class ResetPassword {
        public String token;
        public String newPassword;
    }

    private final AccountRepository accounts;
    private final PasswordResetRepository resets;
    private final PasswordEncoder passwordEncoder;

    public AccountController(AccountRepository accounts, PasswordResetRepository resets,
                             PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.resets = resets;
        this.passwordEncoder = passwordEncoder;
    }

    @PostMapping("/password")
    @Transactional
    public ResponseEntity<Void> changePassword(Principal principal, @RequestBody ChangePassword body) {
        Account account = accounts.findById(Long.valueOf(principal.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!passwordEncoder.matches(body.currentPassword, account.getPasswordHash())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "current password is wrong");
        }
        accounts.updatePasswordHash(account.getId(), passwordEncoder.encode(body.newPassword));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password/reset")
    @Transactional
    public ResponseEntity<Void> resetPassword(@RequestBody ResetPassword body) {
        String tokenHash = sha256Hex(body.token);
        PasswordReset reset = resets.findByTokenHashAndExpiresAtAfter(tokenHash, Instant.now())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.GONE));
        Account account = reset.getAccount();
        accounts.save(account.withPasswordHash(passwordEncoder.encode(body.newPassword)));
        resets.delete(reset);
        return ResponseEntity.noContent().build();
    }

    private static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return String.format("%064x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
