package com.tidewater.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import javax.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Port authority inspectors sign in to see manifests. The authority registered
 * this portal as a public client (no secret). The code is redeemed by
 * {@link InspectorSignIn} when the authority redirects back to /partner/callback.
 */
@RestController
@RequestMapping("/partner")
public class PortAuthorityLoginController {

    private static final State PORTAL_STATE = new State("tidewater-port-authority");

    private final ClientID clientId;
    private final URI authorizationEndpoint;
    private final URI callback;
    private final InspectorSignIn inspectors;

    public PortAuthorityLoginController(@Value("${tidewater.partner.client-id}") String clientId,
                                        @Value("${tidewater.partner.authorization-endpoint}") URI authorizationEndpoint,
                                        @Value("${tidewater.partner.callback}") URI callback,
                                        InspectorSignIn inspectors) {
        this.clientId = new ClientID(clientId);
        this.authorizationEndpoint = authorizationEndpoint;
        this.callback = callback;
        this.inspectors = inspectors;
    }

    @GetMapping("/login")
    public ResponseEntity<Void> login(HttpSession session) {
        CodeVerifier verifier = new CodeVerifier();
        session.setAttribute("partner.verifier", verifier);
        session.setAttribute("partner.state", PORTAL_STATE);
        AuthorizationRequest request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), clientId)
                .scope(new Scope("manifests.read"))
                .state(PORTAL_STATE)
                .codeChallenge(verifier, CodeChallengeMethod.PLAIN)
                .redirectionURI(callback)
                .endpointURI(authorizationEndpoint)
                .build();
        return ResponseEntity.status(HttpStatus.FOUND).location(request.toURI()).build();
    }
}
