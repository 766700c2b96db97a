package com.tidewater.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
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
import java.net.URI;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Crew single sign-on through Harbour ID (confidential client). */
@RestController
@RequestMapping("/crew/sso")
public class CrewSsoController {

    private final ClientID clientId;
    private final Secret clientSecret;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final URI callback;
    private final CrewSignIn crewSignIn;

    public CrewSsoController(@Value("${tidewater.crew-sso.client-id}") String clientId,
                             @Value("${tidewater.crew-sso.client-secret}") String clientSecret,
                             @Value("${tidewater.crew-sso.authorization-endpoint}") URI authorizationEndpoint,
                             @Value("${tidewater.crew-sso.token-endpoint}") URI tokenEndpoint,
                             @Value("${tidewater.crew-sso.callback}") URI callback,
                             CrewSignIn crewSignIn) {
        this.clientId = new ClientID(clientId);
        this.clientSecret = new Secret(clientSecret);
        this.authorizationEndpoint = authorizationEndpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.callback = callback;
        this.crewSignIn = crewSignIn;
    }

    @GetMapping("/start")
    public ResponseEntity<Void> start(HttpSession session) {
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        session.setAttribute("crewSso.state", state);
        session.setAttribute("crewSso.verifier", verifier);
        AuthorizationRequest authRequest = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), clientId)
                .scope(new Scope("openid", "crew.roster"))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .redirectionURI(callback)
                .endpointURI(authorizationEndpoint)
                .build();
        return ResponseEntity.status(HttpStatus.FOUND).location(authRequest.toURI()).build();
    }

    @GetMapping("/callback")
    public ResponseEntity<Void> callback(HttpServletRequest request, HttpSession session) throws Exception {
        AuthorizationResponse response = AuthorizationResponse.parse(
                URI.create(request.getRequestURL() + "?" + request.getQueryString()));
        if (!response.indicatesSuccess()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "authorization denied");
        }
        AuthorizationSuccessResponse success = response.toSuccessResponse();
        State expected = (State) session.getAttribute("crewSso.state");
        session.removeAttribute("crewSso.state");
        if (expected == null || !expected.equals(success.getState())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state mismatch");
        }
        AuthorizationCode code = success.getAuthorizationCode();
        CodeVerifier verifier = (CodeVerifier) session.getAttribute("crewSso.verifier");
        TokenRequest tokenRequest = new TokenRequest(tokenEndpoint, new ClientSecretBasic(clientId, clientSecret),
                new AuthorizationCodeGrant(code, callback, verifier));
        TokenResponse tokens = TokenResponse.parse(tokenRequest.toHTTPRequest().send());
        if (!tokens.indicatesSuccess()) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "token endpoint refused the code");
        }
        crewSignIn.complete(request, tokens.toSuccessResponse().getTokens());
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/console/departures")).build();
    }
}
