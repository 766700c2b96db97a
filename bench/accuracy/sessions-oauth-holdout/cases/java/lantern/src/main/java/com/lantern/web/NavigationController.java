package com.lantern.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Post-login and cross-site navigation helpers of the member web app. */
@Controller
public class NavigationController {

    private static final Map<String, String> DESTINATIONS = Map.of(
            "bookings", "/bookings",
            "rooms", "/rooms",
            "invoices", "/billing/invoices");

    private static final Set<String> PARTNER_HOSTS = Set.of(
            "events.lantern-cowork.example", "shop.lantern-cowork.example");

    static boolean isLocalPath(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
            return false;
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getHost() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @GetMapping("/after-login")
    public String afterLogin(@RequestParam(defaultValue = "/bookings") String next) {
        if (next.startsWith("/")) {
            return "redirect:" + next;
        }
        return "redirect:/bookings";
    }

    @GetMapping("/continue")
    public String continueTo(@RequestParam("continue") String target) {
        if (isLocalPath(target)) {
            return "redirect:" + target;
        }
        return "redirect:/";
    }

    @GetMapping("/back")
    public void back(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getHeader("Referer"));
    }

    @GetMapping("/go")
    public void go(@RequestParam String to, HttpServletResponse response) throws IOException {
        response.sendRedirect(DESTINATIONS.getOrDefault(to, "/bookings"));
    }

    @GetMapping("/partner")
    public String partner(@RequestParam String url) {
        if (url.contains("lantern-cowork.example")) {
            return "redirect:" + url;
        }
        return "partner/unknown";
    }

    @GetMapping("/partner/exit")
    public ResponseEntity<Void> partnerExit(@RequestParam String returnUrl) {
        URI uri = URI.create(returnUrl);
        if ("https".equals(uri.getScheme()) && PARTNER_HOSTS.contains(uri.getHost())) {
            return ResponseEntity.status(HttpStatus.FOUND).location(uri).build();
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/")).build();
    }
}
