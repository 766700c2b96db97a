package com.northwind.clinic.lab;

import static com.northwind.clinic.web.SessionKeys.LAB_STATE;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Connects the portal to the reference lab's results API. The lab only supports a
 * plain authorization-code flow with a client secret.
 */
@Controller
public class LabResultsLinkController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RestTemplate restTemplate;
    private final LabCredentialStore credentials;
    private final String clientId;
    private final String clientSecret;
    private final String authorizeUri;
    private final String tokenUri;
    private final String redirectUri;

    public LabResultsLinkController(RestTemplate restTemplate,
                                    LabCredentialStore credentials,
                                    @Value("${lab.client-id}") String clientId,
                                    @Value("${lab.client-secret}") String clientSecret,
                                    @Value("${lab.authorize-uri}") String authorizeUri,
                                    @Value("${lab.token-uri}") String tokenUri,
                                    @Value("${lab.redirect-uri}") String redirectUri) {
        this.restTemplate = restTemplate;
        this.credentials = credentials;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.authorizeUri = authorizeUri;
        this.tokenUri = tokenUri;
        this.redirectUri = redirectUri;
    }

    @GetMapping("/lab/connect")
    public String connect(HttpSession session) {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        session.setAttribute(LAB_STATE, state);
        String url = UriComponentsBuilder.fromUriString(authorizeUri)
                .queryParam("response_type", "code")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", redirectUri)
                .queryParam("scope", "results.read")
                .queryParam("state", state)
                .encode()
                .toUriString();
        return "redirect:" + url;
    }

    @GetMapping("/lab/callback")
    public String callback(@RequestParam String code, Principal principal) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setBasicAuth(clientId, clientSecret);

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri);

        LabTokenResponse token = restTemplate.postForObject(tokenUri, new HttpEntity<>(form, headers), LabTokenResponse.class);
        credentials.store(principal.getName(), token);
        return "redirect:/profile/integrations?linked=lab";
    }

    public record LabTokenResponse(String access_token, String refresh_token, long expires_in) {
    }
}
