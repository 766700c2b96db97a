package com.brightcart.shop.social;

import com.brightcart.shop.customer.SellerIntegrationStore;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.pkce.PKCE;
import com.github.scribejava.core.pkce.PKCECodeChallengeMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import javax.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Lets a merchant connect their MarketHub listings and PosLink stock levels. */
@Controller
@RequestMapping("/seller")
public class SellerConnectController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OAuth20Service marketHub;
    private final OAuth20Service posLink;
    private final SellerIntegrationStore integrations;

    public SellerConnectController(@Qualifier("marketHubService") OAuth20Service marketHub,
                                   @Qualifier("posLinkService") OAuth20Service posLink,
                                   SellerIntegrationStore integrations) {
        this.marketHub = marketHub;
        this.posLink = posLink;
        this.integrations = integrations;
    }

    @GetMapping("/markethub/connect")
    public String connectMarketHub(HttpSession session) {
        String state = randomUrlToken();
        String verifier = randomUrlToken();
        PKCE pkce = new PKCE();
        pkce.setCodeVerifier(verifier);
        pkce.setCodeChallenge(verifier);
        pkce.setCodeChallengeMethod(PKCECodeChallengeMethod.PLAIN);
        session.setAttribute("markethub.state", state);
        session.setAttribute("markethub.verifier", verifier);
        return "redirect:" + marketHub.createAuthorizationUrlBuilder().state(state).pkce(pkce).build();
    }

    @GetMapping("/markethub/callback")
    public String marketHubCallback(@RequestParam String code, @RequestParam String state,
                                    HttpSession session, Principal principal) throws Exception {
        String expected = (String) session.getAttribute("markethub.state");
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                                                       state.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String verifier = (String) session.getAttribute("markethub.verifier");
        OAuth2AccessToken token = marketHub.getAccessToken(AccessTokenRequestParams.create(code).pkceCodeVerifier(verifier));
        integrations.save(principal.getName(), "markethub", token);
        return "redirect:/seller/integrations?connected=markethub";
    }

    @GetMapping("/poslink/connect")
    public String connectPosLink(HttpSession session) {
        String state = randomUrlToken();
        session.setAttribute("poslink.state", state);
        String posLinkUrl = posLink.getAuthorizationUrl(state);
        return "redirect:" + posLinkUrl;
    }

    @GetMapping("/poslink/callback")
    public String posLinkCallback(@RequestParam String code, @RequestParam String state,
                                  HttpSession session, Principal principal) throws Exception {
        Object expected = session.getAttribute("poslink.state");
        session.removeAttribute("poslink.state");
        if (!state.equals(expected)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        OAuth2AccessToken token = posLink.getAccessToken(code);
        integrations.save(principal.getName(), "poslink", token);
        return "redirect:/seller/integrations?connected=poslink";
    }

    private static String randomUrlToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
