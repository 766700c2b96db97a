package com.stagepass.events.artist;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.security.Principal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Organizers link an artist's streaming profile and import events from TicketVault. */
@Controller
@RequestMapping("/organizer/integrations")
public class ArtistLinkController {

    private static final State SOUNDWAVE_STATE = new State("stagepass-artist-link");

    private final ArtistProfiles profiles;
    private final OAuth20Service ticketVault;
    private final ClientID soundwaveClient;
    private final Secret soundwaveSecret;
    private final URI soundwaveAuthorize;
    private final URI soundwaveToken;
    private final URI soundwaveCallback;

    public ArtistLinkController(ArtistProfiles profiles,
                                @Value("${soundwave.client-id}") String clientId,
                                @Value("${soundwave.client-secret}") String clientSecret,
                                @Value("${soundwave.authorize-uri}") URI authorizeUri,
                                @Value("${soundwave.token-uri}") URI tokenUri,
                                @Value("${soundwave.callback}") URI callback,
                                @Value("${ticketvault.client-id}") String tvClientId,
                                @Value("${ticketvault.client-secret}") String tvClientSecret,
                                @Value("${ticketvault.callback}") String tvCallback) {
        this.profiles = profiles;
        this.soundwaveClient = new ClientID(clientId);
        this.soundwaveSecret = new Secret(clientSecret);
        this.soundwaveAuthorize = authorizeUri;
        this.soundwaveToken = tokenUri;
        this.soundwaveCallback = callback;
        this.ticketVault = new ServiceBuilder(tvClientId)
                .apiSecret(tvClientSecret)
                .callback(tvCallback)
                .build(TicketVaultApi.INSTANCE);
    }

    @GetMapping("/soundwave/start")
    public String soundwave(HttpSession session) {
        CodeVerifier verifier = new CodeVerifier();
        session.setAttribute("soundwave.verifier", verifier);
        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, soundwaveClient)
                .endpointURI(soundwaveAuthorize)
                .redirectionURI(soundwaveCallback)
                .scope(new Scope("profile:read"))
                .state(SOUNDWAVE_STATE)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return "redirect:" + request.toURI();
    }

    @GetMapping("/soundwave/callback")
    public String soundwaveCallback(@RequestParam String code, HttpSession session, Principal principal)
            throws Exception {
        CodeVerifier verifier = (CodeVerifier) session.getAttribute("soundwave.verifier");
        TokenRequest tokenRequest = new TokenRequest(soundwaveToken,
                new ClientSecretBasic(soundwaveClient, soundwaveSecret),
                new AuthorizationCodeGrant(new AuthorizationCode(code), soundwaveCallback, verifier));
        TokenResponse response = TokenResponse.parse(tokenRequest.toHTTPRequest().send());
        profiles.linkSoundwave(principal.getName(), response.toSuccessResponse().getTokens().getAccessToken());
        return "redirect:/organizer/integrations?linked=soundwave";
    }

    @GetMapping("/ticketvault/start")
    public String ticketVault() {
        String vaultUrl = ticketVault.getAuthorizationUrl();
        return "redirect:" + vaultUrl;
    }

    @GetMapping("/ticketvault/callback")
    public String ticketVaultCallback(@RequestParam String code, Principal principal) throws Exception {
        OAuth2AccessToken vaultToken = ticketVault.getAccessToken(code);
        profiles.importFromTicketVault(principal.getName(), vaultToken);
        return "redirect:/organizer/events?imported";
    }
}
