package com.haulwise.fleet.dispatch;

import static com.haulwise.fleet.dispatch.DispatchCookies.ACCESS_COOKIE;
import static com.haulwise.fleet.dispatch.DispatchCookies.REFRESH_COOKIE;

import com.haulwise.fleet.driver.DispatcherDirectory;
import com.haulwise.fleet.security.FleetJwtService;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/dispatch/auth")
public class DispatchAuthController {

    private final DispatcherDirectory dispatchers;
    private final FleetJwtService jwt;

    public DispatchAuthController(DispatcherDirectory dispatchers, FleetJwtService jwt) {
        this.dispatchers = dispatchers;
        this.jwt = jwt;
    }

    @PostMapping("/login")
    public ResponseEntity<Void> login(@RequestParam String username, @RequestParam String password) {
        String subject = dispatchers.authenticate(username, password);
        ResponseCookie access = ResponseCookie.from(ACCESS_COOKIE, jwt.access(subject, List.of("DISPATCHER")))
                .httpOnly(true)
                .secure(true)
                .path("/dispatch")
                .maxAge(FleetJwtService.ACCESS_TTL)
                .build();
        ResponseCookie refresh = ResponseCookie.from(REFRESH_COOKIE, jwt.refresh(subject))
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .path("/dispatch/auth")
                .maxAge(FleetJwtService.REFRESH_TTL)
                .build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, "/dispatch/board")
                .header(HttpHeaders.SET_COOKIE, access.toString(), refresh.toString())
                .build();
    }

    @PostMapping("/logout")
    public ResponseEntity<Void> logout() {
        ResponseCookie expired = ResponseCookie.from(ACCESS_COOKIE, "").path("/dispatch").maxAge(0).build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, "/dispatch/login")
                .header(HttpHeaders.SET_COOKIE, expired.toString())
                .build();
    }

    @PostMapping("/refresh")
    public ResponseEntity<Void> refresh(@CookieValue(REFRESH_COOKIE) String refreshToken) {
        String subject = jwt.verify(refreshToken, "refresh").getSubject();
        ResponseCookie access = DispatchCookies.access(jwt.access(subject, List.of("DISPATCHER")));
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, access.toString()).build();
    }

    /** Wall displays in the depot stay signed in for the whole week: renew both cookies. */
    @PostMapping("/refresh/wall-display")
    public ResponseEntity<Void> refreshWallDisplay(@CookieValue(REFRESH_COOKIE) String refreshToken) {
        String subject = jwt.verify(refreshToken, "refresh").getSubject();
        String renewedRefresh = jwt.refresh(subject);
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE,
                        DispatchCookies.access(jwt.access(subject, List.of("DISPATCHER"))).toString(),
                        DispatchCookies.refresh(renewedRefresh).toString())
                .build();
    }
}
