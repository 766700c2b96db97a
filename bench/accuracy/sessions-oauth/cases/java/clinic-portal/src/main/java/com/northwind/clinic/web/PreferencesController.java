package com.northwind.clinic.web;

import com.northwind.clinic.domain.StaffPreferences;
import com.northwind.clinic.domain.StaffPreferencesRepository;
import java.security.Principal;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/preferences")
public class PreferencesController {

    private final StaffPreferencesRepository preferences;

    public PreferencesController(StaffPreferencesRepository preferences) {
        this.preferences = preferences;
    }

    @PutMapping
    public ResponseEntity<StaffPreferences> update(@RequestBody StaffPreferences body, Principal principal) {
        StaffPreferences saved = preferences.save(body.withOwner(principal.getName()));
        ResponseCookie theme = ResponseCookie.from("theme", saved.getTheme())
                .path("/")
                .maxAge(Duration.ofDays(365))
                .build();
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, theme.toString())
                .body(saved);
    }

    @PostMapping("/consent")
    public ResponseEntity<Void> recordConsent(@RequestParam boolean analytics) {
        ResponseCookie consent = ResponseCookie.from("consent", analytics ? "all" : "essential")
                .path("/")
                .maxAge(Duration.ofDays(180))
                .sameSite("Lax")
                .build();
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, consent.toString())
                .build();
    }
}
