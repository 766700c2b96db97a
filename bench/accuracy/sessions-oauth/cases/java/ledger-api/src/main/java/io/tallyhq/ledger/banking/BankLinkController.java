package io.tallyhq.ledger.banking;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tallyhq.ledger.security.ApiPrincipal;
import java.net.URI;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Connects a Tally ledger to a bank feed. The mobile app asks for an authorization URL,
 * opens it in the system browser, and the bank redirects back to /banking/.../callback.
 */
@RestController
public class BankLinkController {

    private static final URI APP_RETURN = URI.create("tally://banking/linked");

    private final RestClient restClient;
    private final PendingLinkStore pendingLinks;
    private final BankFeedService feeds;
    private final BankProviderProperties northbank;
    private final BankProviderProperties fjord;

    public BankLinkController(RestClient.Builder builder, PendingLinkStore pendingLinks, BankFeedService feeds,
                              BankProviders providers) {
        this.restClient = builder.build();
        this.pendingLinks = pendingLinks;
        this.feeds = feeds;
        this.northbank = providers.get("northbank");
        this.fjord = providers.get("fjord");
    }

    @PostMapping("/api/banking/northbank/authorize")
    public Map<String, String> startNorthbank(@AuthenticationPrincipal ApiPrincipal principal) {
        String state = Pkce.randomToken();
        String verifier = Pkce.randomToken();
        pendingLinks.put(state, new PendingLink(principal.userId(), verifier), Duration.ofMinutes(10));
        String url = UriComponentsBuilder.fromUriString(northbank.authorizeUri())
                .queryParam("response_type", "code")
                .queryParam("client_id", northbank.clientId())
                .queryParam("redirect_uri", northbank.redirectUri())
                .queryParam("scope", "accounts transactions")
                .queryParam("state", state)
                .queryParam("code_challenge", Pkce.s256Challenge(verifier))
                .queryParam("code_challenge_method", "S256")
                .encode()
                .toUriString();
        return Map.of("authorizationUrl", url);
    }

    @GetMapping("/banking/northbank/callback")
    public ResponseEntity<Void> northbankCallback(@RequestParam String code, @RequestParam String state) {
        PendingLink pending = pendingLinks.take(state)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown or expired state"));
        MultiValueMap<String, String> form = tokenForm(code, northbank);
        form.add("code_verifier", pending.codeVerifier());
        BankTokens tokens = restClient.post().uri(northbank.tokenUri()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(BankTokens.class);
        feeds.attach(pending.userId(), "northbank", tokens);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(APP_RETURN).build();
    }

    @PostMapping("/api/banking/fjord/authorize")
    public Map<String, String> startFjord(@AuthenticationPrincipal ApiPrincipal principal) {
        String fjordUrl = fjord.authorizeUri() + "?response_type=code&state=" + principal.userId()
                + "&client_id=" + URLEncoder.encode(fjord.clientId(), UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(fjord.redirectUri(), UTF_8);
        return Map.of("authorizationUrl", fjordUrl);
    }

    @GetMapping("/banking/fjord/callback")
    public ResponseEntity<Void> fjordCallback(@RequestParam String code, @RequestParam String state) {
        long userId = Long.parseLong(state);
        BankTokens tokens = restClient.post().uri(fjord.tokenUri()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(tokenForm(code, fjord)).retrieve().body(BankTokens.class);
        feeds.attach(userId, "fjord", tokens);
        return ResponseEntity.status(HttpStatus.FOUND).location(APP_RETURN).build();
    }

    private static MultiValueMap<String, String> tokenForm(String code, BankProviderProperties provider) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", provider.redirectUri());
        form.add("client_id", provider.clientId());
        form.add("client_secret", provider.clientSecret());
        return form;
    }
}
