package com.stagepass.events.web;

import com.stagepass.events.mobile.MobileTokenStore;
import com.stagepass.events.mobile.MobileTokenStore.IssuedTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hands the embeddable checkout widget its own tokens once the buyer has signed in. */
@RestController
@RequestMapping("/account/widget")
public class WidgetSessionController {

    private final MobileTokenStore tokens;

    public WidgetSessionController(MobileTokenStore tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/session")
    public ResponseEntity<Void> start(Principal principal, @RequestParam(defaultValue = "en") String locale,
                                      @RequestParam(defaultValue = "false") boolean remember,
                                      HttpServletResponse servletResponse) {
        IssuedTokens issued = tokens.issue(principal.getName(), "widget");
        ResponseCookie access = ResponseCookie.from("access_token", issued.accessToken())
                .secure(true).sameSite("Lax").path("/").maxAge(Duration.ofMinutes(15)).build();
        ResponseCookie refresh = ResponseCookie.from("refresh_token", issued.refreshToken())
                .httpOnly(true).secure(true).sameSite("None").path("/m/api/auth").maxAge(Duration.ofDays(7)).build();
        ResponseCookie lang = ResponseCookie.from("widget_locale", locale).path("/").maxAge(Duration.ofDays(365)).build();
        if (remember) {
            Cookie rememberMe = new Cookie("remember_me", tokens.rememberToken(principal.getName()));
            rememberMe.setHttpOnly(true);
            rememberMe.setSecure(false);
            rememberMe.setMaxAge((int) Duration.ofDays(30).toSeconds());
            servletResponse.addCookie(rememberMe);
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, access.toString(), refresh.toString(), lang.toString())
                .build();
    }

    @PostMapping("/signout")
    public ResponseEntity<Void> signOut(@CookieValue(name = "refresh_token", required = false) String refreshToken) {
        if (refreshToken != null) {
            tokens.revokeRefreshFamily(refreshToken);
        }
        ResponseCookie cleared = ResponseCookie.from("access_token", "").path("/").maxAge(0).build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cleared.toString()).build();
    }
}
