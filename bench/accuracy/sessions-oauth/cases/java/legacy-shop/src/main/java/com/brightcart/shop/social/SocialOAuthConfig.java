package com.brightcart.shop.social;

import com.github.scribejava.apis.GitHubApi;
import com.github.scribejava.apis.GoogleApi20;
import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SocialOAuthConfig {

    @Bean
    OAuth20Service googleService(@Value("${shop.social.google.client-id}") String clientId,
                                 @Value("${shop.social.google.client-secret}") String clientSecret,
                                 @Value("${shop.base-url}") String baseUrl) {
        return new ServiceBuilder(clientId)
                .apiSecret(clientSecret)
                .defaultScope("openid email profile")
                .callback(baseUrl + "/login/social/google/callback")
                .build(GoogleApi20.instance());
    }

    @Bean
    OAuth20Service githubService(@Value("${shop.social.github.client-id}") String clientId,
                                 @Value("${shop.social.github.client-secret}") String clientSecret,
                                 @Value("${shop.base-url}") String baseUrl) {
        return new ServiceBuilder(clientId)
                .apiSecret(clientSecret)
                .defaultScope("read:user user:email")
                .callback(baseUrl + "/login/social/github/callback")
                .build(GitHubApi.instance());
    }

    @Bean
    OAuth20Service marketHubService(@Value("${shop.markethub.client-id}") String clientId,
                                    @Value("${shop.markethub.client-secret}") String clientSecret,
                                    @Value("${shop.base-url}") String baseUrl) {
        return new ServiceBuilder(clientId)
                .apiSecret(clientSecret)
                .defaultScope("listings orders")
                .callback(baseUrl + "/seller/markethub/callback")
                .build(PartnerApis.MarketHub.INSTANCE);
    }

    /** The POS vendor issues no client secret to integrations: this is a public client. */
    @Bean
    OAuth20Service posLinkService(@Value("${shop.poslink.client-id}") String clientId,
                                  @Value("${shop.base-url}") String baseUrl) {
        return new ServiceBuilder(clientId)
                .apiSecretIsEmptyStringUnsafe()
                .defaultScope("stock.read")
                .callback(baseUrl + "/seller/poslink/callback")
                .build(PartnerApis.PosLink.INSTANCE);
    }
}
