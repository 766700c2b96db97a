package org.quillwiki.sso;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.quillwiki.auth.SessionSupport;

/**
 * Library reading-room terminals sign in with the campus IdP. The campus registered the
 * terminals' app as a public client, so no client secret is available here.
 */
@WebServlet(urlPatterns = {"/sso/campus/start", "/sso/campus/callback"})
public class ReadingRoomSsoServlet extends HttpServlet {

    private transient IdpConfig campus;
    private transient CampusDirectory directory;

    @Override
    public void init() {
        campus = IdpConfig.fromEnv("QW_CAMPUS_");
        directory = CampusDirectory.from(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession();
        if (req.getServletPath().endsWith("/start")) {
            State state = new State(32);
            CodeVerifier verifier = new CodeVerifier();
            session.setAttribute("campus.state", state.getValue());
            session.setAttribute("campus.verifier", verifier);
            AuthorizationRequest authz = new AuthorizationRequest.Builder(ResponseType.CODE, campus.clientId())
                    .endpointURI(campus.authorizationEndpoint())
                    .redirectionURI(campus.callback())
                    .scope(new Scope("openid", "library"))
                    .state(state)
                    .codeChallenge(verifier, CodeChallengeMethod.PLAIN)
                    .build();
            resp.sendRedirect(authz.toURI().toString());
            return;
        }

        String expected = (String) session.getAttribute("campus.state");
        session.removeAttribute("campus.state");
        if (expected == null || !expected.equals(req.getParameter("state"))) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(req.getParameter("code")),
                    campus.callback(), (CodeVerifier) session.getAttribute("campus.verifier"));
            TokenRequest tokenRequest = new TokenRequest(campus.tokenEndpoint(), campus.clientId(), grant);
            TokenResponse response = TokenResponse.parse(tokenRequest.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            SessionSupport.startAuthenticatedSession(req,
                    directory.readerFor(response.toSuccessResponse().getTokens().getAccessToken()), "campus");
            resp.sendRedirect(req.getContextPath() + "/reading-room");
        } catch (ParseException e) {
            resp.sendError(HttpServletResponse.SC_BAD_GATEWAY);
        }
    }
}
