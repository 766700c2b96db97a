package com.haulwise.fleet.telematics;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.net.URI;
import java.security.MessageDigest;
import java.security.Principal;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/** Connects the fleet account to telematics vendors (TrackNet, RoadSense). */
@RestController
@RequestMapping("/dispatch/telematics")
public class TelematicsLinkController {

    private static final String STATE_COOKIE = "rs_oauth_state";
    private static final String VERIFIER_COOKIE = "rs_pkce_verifier";

    private final WebClient webClient;
    private final TelematicsProperties props;
    private final TelematicsAccounts accounts;

    public TelematicsLinkController(WebClient.Builder builder, TelematicsProperties props, TelematicsAccounts accounts) {
        this.webClient = builder.build();
        this.props = props;
        this.accounts = accounts;
    }

    @GetMapping("/tracknet/connect")
    public ResponseEntity<Void> connectTrackNet() {
        URI authorize = UriComponentsBuilder.fromUriString(props.tracknet().authorizeUri())
                .queryParam("client_id", props.tracknet().clientId())
                .queryParam("redirect_uri", props.tracknet().redirectUri())
                .queryParam("response_type", "code")
                .queryParam("state", "haulwise-fleet")
                .build().toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(authorize).build();
    }

    @GetMapping("/tracknet/callback")
    public ResponseEntity<Void> trackNetCallback(@RequestParam String code, Principal principal) {
        TelematicsToken token = webClient.post().uri(props.tracknet().tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "authorization_code")
                        .with("code", code)
                        .with("redirect_uri", props.tracknet().redirectUri())
                        .with("client_id", props.tracknet().clientId())
                        .with("client_secret", props.tracknet().clientSecret()))
                .retrieve().bodyToMono(TelematicsToken.class).block(Duration.ofSeconds(10));
        accounts.link(principal.getName(), "tracknet", token);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/dispatch/settings?linked=tracknet")).build();
    }

    /** RoadSense registers integrations as public clients; PKCE is mandatory. */
    @GetMapping("/roadsense/connect")
    public ResponseEntity<Void> connectRoadSense() {
        String state = Pkce.random();
        String verifier = Pkce.random();
        URI authorize = UriComponentsBuilder.fromUriString(props.roadsense().authorizeUri())
                .queryParam("client_id", props.roadsense().clientId())
                .queryParam("redirect_uri", props.roadsense().redirectUri())
                .queryParam("response_type", "code")
                .queryParam("state", state)
                .queryParam("code_challenge", Pkce.challenge(verifier))
                .queryParam("code_challenge_method", "S256")
                .build().toUri();
        ResponseCookie stateCookie = tempCookie(STATE_COOKIE, state);
        ResponseCookie verifierCookie = tempCookie(VERIFIER_COOKIE, verifier);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(authorize)
                .header(HttpHeaders.SET_COOKIE, stateCookie.toString(), verifierCookie.toString())
                .build();
    }

    @GetMapping("/roadsense/callback")
    public ResponseEntity<Void> roadSenseCallback(@RequestParam String code, @RequestParam String state,
                                                  @CookieValue(STATE_COOKIE) String expectedState,
                                                  @CookieValue(VERIFIER_COOKIE) String verifier,
                                                  Principal principal) {
        if (!MessageDigest.isEqual(expectedState.getBytes(US_ASCII), state.getBytes(US_ASCII))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        TelematicsToken token = webClient.post().uri(props.roadsense().tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "authorization_code")
                        .with("code", code)
                        .with("redirect_uri", props.roadsense().redirectUri())
                        .with("client_id", props.roadsense().clientId())
                        .with("code_verifier", verifier))
                .retrieve().bodyToMono(TelematicsToken.class).block(Duration.ofSeconds(10));
        accounts.link(principal.getName(), "roadsense", token);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/dispatch/settings?linked=roadsense")).build();
    }

    private static ResponseCookie tempCookie(String name, String value) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Lax")
                .path("/dispatch/telematics")
                .maxAge(Duration.ofMinutes(10))
                .build();
    }
}
