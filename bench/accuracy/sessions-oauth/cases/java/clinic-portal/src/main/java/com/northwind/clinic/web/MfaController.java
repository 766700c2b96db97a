package com.northwind.clinic.web;

import com.northwind.clinic.security.TotpService;
import com.northwind.clinic.security.TrustedDeviceService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/mfa")
public class MfaController {

    static final String PENDING_COOKIE = "mfa_pending_token";
    private static final Duration TRUST_PERIOD = Duration.ofDays(30);

    private final TotpService totp;
    private final TrustedDeviceService trustedDevices;

    public MfaController(TotpService totp, TrustedDeviceService trustedDevices) {
        this.totp = totp;
        this.trustedDevices = trustedDevices;
    }

    @PostMapping("/challenge")
    public String startChallenge(Principal principal, HttpServletResponse response) {
        String pending = totp.beginChallenge(principal.getName());
        response.addHeader(HttpHeaders.SET_COOKIE, hardenedCookie(PENDING_COOKIE, pending, Duration.ofMinutes(5)).toString());
        return "mfa/challenge";
    }

    @PostMapping("/verify")
    public String verify(@RequestParam String code,
                         @RequestParam(defaultValue = "false") boolean rememberDevice,
                         @CookieValue(PENDING_COOKIE) String pending,
                         Principal principal,
                         HttpServletResponse response) {
        if (!totp.verify(principal.getName(), pending, code)) {
            return "redirect:/mfa/challenge?error";
        }
        if (rememberDevice) {
            String deviceToken = trustedDevices.issue(principal.getName(), TRUST_PERIOD);
            ResponseCookie trusted = ResponseCookie.from("trusted_device_token", deviceToken)
                    .httpOnly(true)
                    .secure(true)
                    .path("/")
                    .maxAge(TRUST_PERIOD)
                    .build();
            response.addHeader(HttpHeaders.SET_COOKIE, trusted.toString());
        }
        response.addHeader(HttpHeaders.SET_COOKIE, hardenedCookie(PENDING_COOKIE, "", Duration.ZERO).toString());
        return "redirect:/dashboard";
    }

    @PostMapping("/method")
    public String rememberTab(@RequestParam String method, HttpServletResponse response) {
        Cookie lastTab = new Cookie("last_seen_tab", method);
        lastTab.setPath("/mfa");
        lastTab.setMaxAge((int) Duration.ofDays(90).toSeconds());
        response.addCookie(lastTab);
        return "redirect:/mfa/challenge";
    }

    private static ResponseCookie hardenedCookie(String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .path("/mfa")
                .maxAge(maxAge)
                .build();
    }
}
