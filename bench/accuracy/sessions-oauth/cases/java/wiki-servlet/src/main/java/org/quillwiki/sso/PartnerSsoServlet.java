package org.quillwiki.sso;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.id.State;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.quillwiki.auth.SessionSupport;
import org.quillwiki.auth.WikiUser;

/**
 * Guest editors from partner organisations sign in through the partner federation hub
 * (plain OAuth 2.0, confidential client, userinfo lookup afterwards).
 */
@WebServlet(urlPatterns = {"/sso/partner/start", "/sso/partner/callback"})
public class PartnerSsoServlet extends HttpServlet {

    private transient IdpConfig hub;
    private transient PartnerDirectory directory;

    @Override
    public void init() {
        hub = IdpConfig.fromEnv("QW_PARTNER_");
        directory = PartnerDirectory.from(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().endsWith("/start")) {
            State state = new State(Long.toString(System.currentTimeMillis()));
            AuthorizationRequest authz = new AuthorizationRequest.Builder(ResponseType.CODE, hub.clientId())
                    .endpointURI(hub.authorizationEndpoint())
                    .redirectionURI(hub.callback())
                    .scope(new Scope("profile", "org"))
                    .state(state)
                    .build();
            resp.sendRedirect(authz.toURI().toString());
            return;
        }

        String code = req.getParameter("code");
        if (code == null) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "missing code");
            return;
        }
        try {
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), hub.callback());
            TokenRequest tokenRequest = new TokenRequest(hub.tokenEndpoint(),
                    new ClientSecretPost(hub.clientId(), hub.clientSecret()), grant);
            TokenResponse response = TokenResponse.parse(tokenRequest.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            WikiUser guest = directory.guestFor(response.toSuccessResponse().getTokens().getAccessToken());
            SessionSupport.startAuthenticatedSession(req, guest, "partner-hub");
            resp.sendRedirect(req.getContextPath() + "/spaces/shared");
        } catch (ParseException e) {
            resp.sendError(HttpServletResponse.SC_BAD_GATEWAY);
        }
    }
}
