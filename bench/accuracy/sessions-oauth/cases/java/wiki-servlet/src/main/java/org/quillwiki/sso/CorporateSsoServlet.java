package org.quillwiki.sso;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import org.quillwiki.auth.SessionSupport;
import org.quillwiki.auth.WikiUser;

/** Staff sign-in through the corporate OpenID provider. */
@WebServlet(urlPatterns = {"/sso/corp/start", "/sso/corp/callback"})
public class CorporateSsoServlet extends HttpServlet {

    private static final String STATE = "qw.sso.state";
    private static final String NONCE = "qw.sso.nonce";
    private static final String VERIFIER = "qw.sso.verifier";

    private transient IdpConfig idp;
    private transient OidcUserMapper users;

    @Override
    public void init() {
        idp = IdpConfig.fromEnv("QW_CORP_");
        users = OidcUserMapper.from(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().endsWith("/start")) {
            start(req, resp);
        } else {
            callback(req, resp);
        }
    }

    private void start(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        HttpSession session = req.getSession();
        session.setAttribute(STATE, state);
        session.setAttribute(NONCE, nonce);
        session.setAttribute(VERIFIER, verifier);
        AuthenticationRequest authRequest = new AuthenticationRequest.Builder(
                        ResponseType.CODE, new Scope("openid", "email", "profile"), idp.clientId(), idp.callback())
                .endpointURI(idp.authorizationEndpoint())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        resp.sendRedirect(authRequest.toURI().toString());
    }

    private void callback(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession();
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(
                    URI.create(req.getRequestURL() + "?" + req.getQueryString()));
            State expected = (State) session.getAttribute(STATE);
            session.removeAttribute(STATE);
            if (!response.indicatesSuccess() || expected == null || !expected.equals(response.getState())) {
                resp.sendError(HttpServletResponse.SC_FORBIDDEN, "SSO state check failed");
                return;
            }
            AuthenticationSuccessResponse success = response.toSuccessResponse();
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(
                    success.getAuthorizationCode(), idp.callback(), (CodeVerifier) session.getAttribute(VERIFIER));
            TokenRequest tokenRequest = new TokenRequest(idp.tokenEndpoint(),
                    new ClientSecretBasic(idp.clientId(), idp.clientSecret()), grant);
            TokenResponse tokens = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
            WikiUser user = users.fromTokenResponse(tokens, (Nonce) session.getAttribute(NONCE));
            SessionSupport.startAuthenticatedSession(req, user, "corp-sso");
            resp.sendRedirect(req.getContextPath() + "/");
        } catch (ParseException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "Malformed SSO response");
        }
    }
}
