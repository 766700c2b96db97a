package com.greenhouse.integration;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.oauth.OAuth20Service;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Links the nursery's stock to the growers' co-operative so that seedlings can be
 * re-ordered automatically. Confidential client (has a client secret).
 */
@Controller
@RequestMapping("/integrations/grower")
public class GrowerConnectController {

    private static final String GROWER_STATE = "greenhouse-grower-link";

    private final OAuth20Service growerService;
    private final SupplierConnections connections;

    public GrowerConnectController(@Value("${greenhouse.grower-network.client-id}") String clientId,
                                   @Value("${greenhouse.grower-network.client-secret}") String clientSecret,
                                   @Value("${greenhouse.grower-network.callback}") String callback,
                                   SupplierConnections connections) {
        this.growerService = new ServiceBuilder(clientId)
                .apiSecret(clientSecret)
                .defaultScope("catalog.read orders.write")
                .callback(callback)
                .build(GrowerNetworkApi.instance());
        this.connections = connections;
    }

    @GetMapping("/connect")
    public String connect() {
        String authorizationUrl = growerService.getAuthorizationUrl(GROWER_STATE);
        return "redirect:" + authorizationUrl;
    }

    @GetMapping("/callback")
    public String callback(@RequestParam String code,
                           @RequestParam(required = false) String state,
                           Model model) throws Exception {
        OAuth2AccessToken token = growerService.getAccessToken(code);
        connections.store("grower-network", token.getAccessToken(), token.getRefreshToken());
        model.addAttribute("supplier", "Growers' Co-operative");
        return "integrations/connected";
    }
}
