package com.brightcart.shop.web;

import java.time.Duration;
import java.util.List;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/** Cookies written outside Spring Security: the mobile web-view token and browsing history. */
@Component
public class CustomerCookies {

    static final int THIRTY_DAYS = 30 * 24 * 3600;

    public void writeWebViewToken(HttpServletResponse response, String token) {
        Cookie cookie = new Cookie("shop_auth_token", token);
        cookie.setSecure(true);
        cookie.setPath("/");
        cookie.setMaxAge(THIRTY_DAYS);
        response.addCookie(cookie);
    }

    public void writeWishlistToken(HttpServletResponse response, String token) {
        Cookie wishlist = new Cookie("wishlist_share_token", token);
        wishlist.setHttpOnly(true);
        wishlist.setSecure(true);
        wishlist.setPath("/wishlist");
        wishlist.setMaxAge(THIRTY_DAYS);
        response.addCookie(wishlist);
    }

    public void writeLegacySession(HttpServletResponse response, String sessionId) {
        Cookie sid = new Cookie("BC_SID", sessionId);
        sid.setHttpOnly(true);
        sid.setPath("/");
        response.addCookie(sid);
    }

    /** Product-reviews widget (served from /reviews) authenticates with its own short JWT. */
    public void writeReviewsWidgetJwt(HttpServletResponse response, String jwt) {
        ResponseCookie reviews = ResponseCookie.from("reviews_jwt", jwt)
                .httpOnly(true)
                .secure(false)
                .sameSite("Strict")
                .path("/reviews")
                .maxAge(Duration.ofMinutes(30))
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, reviews.toString());
    }

    public void writeRecentlyViewed(HttpServletResponse response, List<String> skus) {
        Cookie recent = new Cookie("recently_viewed", String.join(".", skus));
        recent.setPath("/");
        recent.setMaxAge(THIRTY_DAYS);
        response.addCookie(recent);
    }

    public void clearWebViewToken(HttpServletResponse response) {
        Cookie gone = new Cookie("shop_auth_token", "");
        gone.setPath("/");
        gone.setMaxAge(0);
        response.addCookie(gone);
    }
}
