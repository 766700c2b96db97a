package com.brightcart.shop.social;

import static org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

import com.brightcart.shop.customer.CustomerAccount;
import com.brightcart.shop.customer.SocialAccountLinker;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.AuthorizationUrlBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.ExecutionException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
@RequestMapping("/login/social")
public class SocialLoginController {

    private static final String GOOGLE_STATE = "bc-google-login";
    private static final String GH_STATE = "social.github.state";
    private static final String GH_VERIFIER = "social.github.verifier";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OAuth20Service google;
    private final OAuth20Service github;
    private final SocialAccountLinker linker;

    public SocialLoginController(@Qualifier("googleService") OAuth20Service google,
                                 @Qualifier("githubService") OAuth20Service github,
                                 SocialAccountLinker linker) {
        this.google = google;
        this.github = github;
        this.linker = linker;
    }

    @GetMapping("/google")
    public String google() {
        String authorizationUrl = google.getAuthorizationUrl(GOOGLE_STATE);
        return "redirect:" + authorizationUrl;
    }

    @GetMapping("/google/callback")
    public String googleCallback(@RequestParam String code, HttpServletRequest request)
            throws IOException, InterruptedException, ExecutionException {
        OAuth2AccessToken token = google.getAccessToken(code);
        CustomerAccount customer = linker.fromGoogle(google, token);
        request.changeSessionId();
        request.getSession().setAttribute(SPRING_SECURITY_CONTEXT_KEY, linker.contextFor(customer));
        return "redirect:/account?via=google";
    }

    @GetMapping("/github")
    public String github(HttpSession session) {
        String state = new BigInteger(160, RANDOM).toString(32);
        AuthorizationUrlBuilder builder = github.createAuthorizationUrlBuilder().state(state).initPKCE();
        session.setAttribute(GH_STATE, state);
        session.setAttribute(GH_VERIFIER, builder.getPkce().getCodeVerifier());
        return "redirect:" + builder.build();
    }

    @GetMapping("/github/callback")
    public String githubCallback(@RequestParam String code, @RequestParam String state, HttpServletRequest request)
            throws IOException, InterruptedException, ExecutionException {
        HttpSession session = request.getSession();
        String expected = (String) session.getAttribute(GH_STATE);
        String verifier = (String) session.getAttribute(GH_VERIFIER);
        session.removeAttribute(GH_STATE);
        if (expected == null || !expected.equals(state)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state mismatch");
        }
        OAuth2AccessToken token = github.getAccessToken(AccessTokenRequestParams.create(code).pkceCodeVerifier(verifier));
        CustomerAccount customer = linker.fromGitHub(github, token);
        session.setAttribute(SPRING_SECURITY_CONTEXT_KEY, linker.contextFor(customer));
        return "redirect:/account?via=github";
    }
}
