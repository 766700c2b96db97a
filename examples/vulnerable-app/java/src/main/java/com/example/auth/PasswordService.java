package com.example.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class PasswordService {

    private final BCryptPasswordEncoder adminEncoder = new BCryptPasswordEncoder(12);

    public String hashPassword(String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] digest = md.digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }

    public boolean matches(String password, String storedHash) {
        return hashPassword(password).equals(storedHash);
    }

    // Admin accounts were migrated to bcrypt; customer accounts still use hashPassword().
    public String hashAdminPassword(String password) {
        return adminEncoder.encode(password);
    }

    public boolean matchesAdmin(String password, String storedHash) {
        return adminEncoder.matches(password, storedHash);
    }
}
