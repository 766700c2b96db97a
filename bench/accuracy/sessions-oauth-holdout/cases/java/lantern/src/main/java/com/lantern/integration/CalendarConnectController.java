package com.lantern.integration;

import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** Links a member's external calendar so room bookings show up there. */
@Controller
@RequestMapping("/calendars")
public class CalendarConnectController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ORBIT_STATE = "calendars.orbit.state";

    private final CalendarSettings settings;
    private final CalendarLinks links;
    private final RestTemplate restTemplate;

    public CalendarConnectController(CalendarSettings settings, CalendarLinks links, RestTemplate restTemplate) {
        this.settings = settings;
        this.links = links;
        this.restTemplate = restTemplate;
    }

    private static MultiValueMap<String, String> tokenForm(CalendarClient c, String code) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", c.callback());
        form.add("client_id", c.clientId());
        form.add("client_secret", c.clientSecret());
        return form;
    }

    @GetMapping("/meridian/connect")
    public String connectMeridian(Principal principal) {
        CalendarClient c = settings.meridian();
        String meridianUrl = c.authorizeUri() + "?response_type=code&client_id=" + c.clientId()
                + "&redirect_uri=" + URLEncoder.encode(c.callback(), StandardCharsets.UTF_8)
                + "&scope=calendar.events"
                + "&state=" + principal.getName();
        return "redirect:" + meridianUrl;
    }

    @GetMapping("/meridian/callback")
    public String meridianCallback(@RequestParam String code, Principal principal) {
        CalendarClient c = settings.meridian();
        MultiValueMap<String, String> form = tokenForm(c, code);
        TokenResponse token = restTemplate.postForObject(c.tokenUri(), form, TokenResponse.class);
        links.save(principal.getName(), "meridian", token);
        return "calendars/linked";
    }

    @GetMapping("/orbit/connect")
    public String connectOrbit(HttpSession session) {
        CalendarClient c = settings.orbit();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ORBIT_STATE, state);
        String orbitUrl = UriComponentsBuilder.fromHttpUrl(c.authorizeUri())
                .queryParam("response_type", "code")
                .queryParam("client_id", c.clientId())
                .queryParam("redirect_uri", c.callback())
                .queryParam("state", state)
                .encode()
                .toUriString();
        return "redirect:" + orbitUrl;
    }

    @GetMapping("/orbit/callback")
    public String orbitCallback(@RequestParam String code, @RequestParam String state,
                                HttpSession session, Principal principal) {
        String expected = (String) session.getAttribute(ORBIT_STATE);
        session.removeAttribute(ORBIT_STATE);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state mismatch");
        }
        CalendarClient c = settings.orbit();
        TokenResponse token = restTemplate.postForObject(c.tokenUri(), tokenForm(c, code), TokenResponse.class);
        links.save(principal.getName(), "orbit", token);
        return "calendars/linked";
    }
}
