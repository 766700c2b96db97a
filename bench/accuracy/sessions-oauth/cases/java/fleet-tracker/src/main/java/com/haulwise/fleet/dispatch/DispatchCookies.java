package com.haulwise.fleet.dispatch;

import com.haulwise.fleet.security.DispatchCookieFilter;
import com.haulwise.fleet.security.FleetJwtService;
import org.springframework.http.ResponseCookie;

final class DispatchCookies {

    static final String ACCESS_COOKIE = DispatchCookieFilter.COOKIE;
    static final String REFRESH_COOKIE = "dispatch_refresh";
    static final String LAYER_COOKIE = "map_layer";

    private DispatchCookies() {
    }

    static ResponseCookie access(String jwt) {
        return ResponseCookie.from(ACCESS_COOKIE, jwt)
                .httpOnly(true)
                .secure(true)
                .sameSite("Lax")
                .path("/dispatch")
                .maxAge(FleetJwtService.ACCESS_TTL)
                .build();
    }

    static ResponseCookie refresh(String jwt) {
        return ResponseCookie.from(REFRESH_COOKIE, jwt)
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .path("/dispatch/auth")
                .maxAge(FleetJwtService.REFRESH_TTL)
                .build();
    }

    static ResponseCookie mapLayer(String layer) {
        return ResponseCookie.from(LAYER_COOKIE, layer).path("/dispatch").maxAge(31_536_000).build();
    }
}
