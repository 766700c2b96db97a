package com.greenhouse.integration;

import com.github.scribejava.apis.GitHubApi;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.oauth.OAuth20Service;
import jakarta.servlet.http.HttpSession;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Publishes the heirloom seed catalogue to the community seed-exchange, which
 * signs partners in through GitHub. Confidential client.
 */
@Controller
@RequestMapping("/integrations/seeds")
public class SeedExchangeController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STATE_KEY = "seedExchange.oauthState";

    private final OAuth20Service seedService;
    private final SupplierConnections connections;

    public SeedExchangeController(@Value("${greenhouse.seed-exchange.client-id}") String clientId,
                                  @Value("${greenhouse.seed-exchange.client-secret}") String clientSecret,
                                  @Value("${greenhouse.seed-exchange.callback}") String callback,
                                  SupplierConnections connections) {
        this.seedService = new ServiceBuilder(clientId)
                .apiSecret(clientSecret)
                .defaultScope("read:user")
                .callback(callback)
                .build(GitHubApi.instance());
        this.connections = connections;
    }

    @GetMapping("/connect")
    public String connect(HttpSession session) {
        String state = new BigInteger(130, RANDOM).toString(32);
        session.setAttribute(STATE_KEY, state);
        String url = seedService.getAuthorizationUrl(state);
        return "redirect:" + url;
    }

    @GetMapping("/callback")
    public String callback(@RequestParam String code, @RequestParam String state,
                           HttpSession session, Model model) throws Exception {
        String expected = (String) session.getAttribute(STATE_KEY);
        session.removeAttribute(STATE_KEY);
        if (expected == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "OAuth state mismatch");
        }
        OAuth2AccessToken token = seedService.getAccessToken(code);
        connections.store("seed-exchange", token.getAccessToken(), token.getRefreshToken());
        model.addAttribute("supplier", "Seed Exchange");
        return "integrations/connected";
    }
}
