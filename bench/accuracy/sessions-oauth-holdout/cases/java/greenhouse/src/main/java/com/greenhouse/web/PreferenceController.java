package com.greenhouse.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Display preferences for anonymous and signed-in shoppers. */
@RestController
@RequestMapping("/preferences")
public class PreferenceController {

    private static final Set<String> THEMES = Set.of("light", "dark", "high-contrast");
    private static final Set<String> LANGUAGES = Set.of("en", "nl", "de", "fr");

    @PostMapping("/theme")
    public ResponseEntity<Void> theme(@RequestParam String theme, HttpServletResponse response) {
        Cookie themeCookie = new Cookie("theme", THEMES.contains(theme) ? theme : "light");
        themeCookie.setPath("/");
        themeCookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        response.addCookie(themeCookie);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/language")
    public ResponseEntity<Void> language(@RequestParam String lang) {
        String chosen = LANGUAGES.contains(lang) ? lang : "en";
        ResponseCookie cookie = ResponseCookie.from("locale", chosen).path("/").maxAge(Duration.ofDays(365)).build();
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .build();
    }
}
