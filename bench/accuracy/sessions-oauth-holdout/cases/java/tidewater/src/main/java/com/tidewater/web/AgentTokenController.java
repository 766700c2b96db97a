package com.tidewater.web;

import com.tidewater.domain.Account;
import com.tidewater.domain.RefreshToken;
import com.tidewater.domain.RefreshTokenRepository;
import com.tidewater.security.JwtService;
import com.tidewater.web.AuthController.RefreshRequest;
import com.tidewater.web.AuthController.TokenPair;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Travel agents' booking engines call the API around the clock. /refresh is what
 * the 2019 engines call; /rotate is the endpoint documented for new integrations.
 */
@RestController
@RequestMapping("/api/v2/agents/token")
public class AgentTokenController {

    private static final Duration AGENT_REFRESH_TTL = Duration.ofDays(5);

    private final RefreshTokenRepository refreshTokens;
    private final JwtService jwtService;

    public AgentTokenController(RefreshTokenRepository refreshTokens, JwtService jwtService) {
        this.refreshTokens = refreshTokens;
        this.jwtService = jwtService;
    }

    private RefreshToken active(String token) {
        return refreshTokens.findByToken(token)
                .filter(RefreshToken::isActive)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    @PostMapping("/refresh")
    @Transactional
    public TokenPair refresh(@RequestBody RefreshRequest body) {
        RefreshToken presented = active(body.refreshToken);
        Account agent = presented.getAccount();
        String access = jwtService.issueAccessToken(agent);
        RefreshToken next = refreshTokens.save(RefreshToken.issue(agent, AGENT_REFRESH_TTL));
        return new TokenPair(access, next.getToken());
    }

    @PostMapping("/rotate")
    @Transactional
    public TokenPair rotate(@RequestBody RefreshRequest body) {
        RefreshToken presented = active(body.refreshToken);
        Account agent = presented.getAccount();
        refreshTokens.deleteByToken(presented.getToken());
        String access = jwtService.issueAccessToken(agent);
        RefreshToken replacement = refreshTokens.save(RefreshToken.issue(agent, AGENT_REFRESH_TTL));
        return new TokenPair(access, replacement.getToken());
    }
}
