package com.tidewater.service;

import com.tidewater.domain.Account;
import com.tidewater.domain.RefreshToken;
import com.tidewater.domain.RefreshTokenRepository;
import com.tidewater.security.JwtService;
import com.tidewater.web.AuthController.TokenPair;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Tokens for the deck crew's handheld ticket scanners. A scanner is enrolled
 * once by a duty manager and then refreshes its tokens at every shift start.
 */
@Service
public class CrewDeviceTokenService {

    private static final Duration DEVICE_REFRESH_TTL = Duration.ofDays(3);

    private final RefreshTokenRepository refreshTokens;
    private final JwtService jwt;

    public CrewDeviceTokenService(RefreshTokenRepository refreshTokens, JwtService jwt) {
        this.refreshTokens = refreshTokens;
        this.jwt = jwt;
    }

    @Transactional
    public TokenPair enrol(Account crew) {
        return new TokenPair(jwt.issueAccessToken(crew), issueRefresh(crew));
    }

    @Transactional
    public TokenPair refresh(String presentedToken) {
        RefreshToken presented = refreshTokens.findByToken(presentedToken)
                .filter(RefreshToken::isActive)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        Account crew = presented.getAccount();
        String access = jwt.issueAccessToken(crew);
        String refresh = issueRefresh(crew);
        return new TokenPair(access, refresh);
    }

    private String issueRefresh(Account crew) {
        return refreshTokens.save(RefreshToken.issue(crew, DEVICE_REFRESH_TTL)).getToken();
    }
}
