package com.example.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
public class AuthController {

    public record Credentials(String email, String password) {}

    record UserRecord(String id, String passwordHash, String role) {}

    private final TokenService tokens;
    private final PasswordService passwords;
    private final Map<String, UserRecord> users = new ConcurrentHashMap<>();
    private final Map<String, String> resetTokens = new ConcurrentHashMap<>();

    public AuthController(TokenService tokens, PasswordService passwords) {
        this.tokens = tokens;
        this.passwords = passwords;
    }

    @PostMapping("/register")
    public ResponseEntity<Void> register(@RequestBody Credentials body) {
        String hash = passwords.hashPassword(body.password());
        users.put(body.email(), new UserRecord(body.email(), hash, "user"));
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping("/login")
    public void login(@RequestBody Credentials body,
                      @RequestParam(defaultValue = "/") String next,
                      HttpServletResponse response) throws IOException {
        UserRecord user = users.get(body.email());
        boolean ok = user != null && ("admin".equals(user.role())
                ? passwords.matchesAdmin(body.password(), user.passwordHash())
                : passwords.matches(body.password(), user.passwordHash()));
        if (!ok) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Cookie cookie = new Cookie("session", tokens.issue(user.id(), user.role()));
        cookie.setPath("/");
        response.addCookie(cookie);
        response.sendRedirect(next);
    }

    @GetMapping("/me")
    public Map<String, String> me(@CookieValue("session") String session) {
        TokenService.AuthUser user = tokens.authenticate(session);
        return Map.of("id", user.id(), "role", user.role());
    }

    @GetMapping("/admin/users")
    public ResponseEntity<List<String>> listUsers(@RequestHeader("Authorization") String authorization) {
        UserRecord caller = users.get(tokens.userIdFromHeader(authorization));
        if (caller == null || !"admin".equals(caller.role())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(List.copyOf(users.keySet()));
    }

    @PostMapping("/password-reset")
    public ResponseEntity<Void> requestReset(@RequestParam String email) {
        if (users.containsKey(email)) {
            resetTokens.put(tokens.newResetToken(), email);
        }
        return ResponseEntity.accepted().build();
    }

    // Static terms page, cached by browsers via an ETag over the file contents.
    @GetMapping("/terms")
    public ResponseEntity<byte[]> terms() throws IOException, NoSuchAlgorithmException {
        byte[] html = Files.readAllBytes(Path.of("static", "terms.html"));
        byte[] digest = MessageDigest.getInstance("MD5").digest(html);
        return ResponseEntity.ok()
                .eTag(HexFormat.of().formatHex(digest))
                .contentType(MediaType.TEXT_HTML)
                .body(html);
    }
}
