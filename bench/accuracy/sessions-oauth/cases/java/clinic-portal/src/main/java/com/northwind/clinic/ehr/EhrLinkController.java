package com.northwind.clinic.ehr;

import static com.northwind.clinic.web.SessionKeys.EHR_STATE;
import static com.northwind.clinic.web.SessionKeys.EHR_VERIFIER;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
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
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Links a clinician's account to the regional EHR (confidential client, PKCE on top). */
@Controller
public class EhrLinkController {

    private final EhrProperties props;
    private final EhrTokenStore tokenStore;

    public EhrLinkController(EhrProperties props, EhrTokenStore tokenStore) {
        this.props = props;
        this.tokenStore = tokenStore;
    }

    @GetMapping("/ehr/connect")
    public String connect(HttpSession session) {
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        session.setAttribute(EHR_STATE, state);
        session.setAttribute(EHR_VERIFIER, verifier);

        AuthorizationRequest request = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(props.clientId()))
                .endpointURI(URI.create(props.authorizeUri()))
                .redirectionURI(URI.create(props.callbackUri()))
                .scope(new Scope("openid", "patient/*.read"))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return "redirect:" + request.toURI();
    }

    @GetMapping("/ehr/callback")
    public String callback(@RequestParam String code,
                           @RequestParam("state") String returnedState,
                           HttpSession session,
                           Principal principal) throws IOException, ParseException {
        State expected = (State) session.getAttribute(EHR_STATE);
        CodeVerifier verifier = (CodeVerifier) session.getAttribute(EHR_VERIFIER);
        session.removeAttribute(EHR_STATE);
        session.removeAttribute(EHR_VERIFIER);
        if (expected == null
                || !MessageDigest.isEqual(expected.getValue().getBytes(UTF_8), returnedState.getBytes(UTF_8))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "OAuth state mismatch");
        }

        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(
                new AuthorizationCode(code), URI.create(props.callbackUri()), verifier);
        ClientSecretBasic clientAuth = new ClientSecretBasic(new ClientID(props.clientId()), new Secret(props.clientSecret()));
        TokenRequest tokenRequest = new TokenRequest(URI.create(props.tokenUri()), clientAuth, grant);
        TokenResponse response = TokenResponse.parse(tokenRequest.toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "EHR token endpoint refused the code");
        }
        tokenStore.save(principal.getName(), response.toSuccessResponse().getTokens());
        return "redirect:/profile/integrations?linked=ehr";
    }
}
