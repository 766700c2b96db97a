package net.cargolane.portal.config;

import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.ConfigurationSettingNames;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/** Issues tokens to partners' integrations (EDI gateway, reseller dashboard, TMS plug-ins). */
@Configuration
public class AuthorizationServerConfig {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfiguration.applyDefaultSecurity(http);
        http.exceptionHandling().authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login"));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(@Value("${portal.clients.edi-secret}") String ediSecret,
                                                 @Value("${portal.clients.reseller-secret}") String resellerSecret,
                                                 @Value("${portal.clients.tms-secret}") String tmsSecret,
                                                 @Value("${portal.clients.broker-secret}") String brokerSecret) {
        RegisteredClient edi = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("edi-gateway")
                .clientSecret(ediSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://edi.cargolane.example/login/oauth2/code/portal")
                .scope("edi")
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(10))
                        .refreshTokenTimeToLive(Duration.ofDays(7))
                        .reuseRefreshTokens(false)
                        .build())
                .build();

        RegisteredClient reseller = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("reseller-dashboard")
                .clientSecret(resellerSecret)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://resellers.cargolane.example/login/oauth2/code/portal")
                .scope("shipments.read")
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(30))
                        .refreshTokenTimeToLive(Duration.ofDays(7))
                        .reuseRefreshTokens(true)
                        .build())
                .build();

        RegisteredClient tms = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("tms-plugin")
                .clientSecret(tmsSecret)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://plugins.cargolane.example/tms/callback")
                .scope("shipments.write")
                .tokenSettings(pluginTokenSettings())
                .build();

        RegisteredClient tracker = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("shipment-tracker-spa")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://track.cargolane.example/callback")
                .scope("shipments.read")
                .clientSettings(ClientSettings.builder().requireProofKey(true).build())
                .tokenSettings(TokenSettings.builder()
                        .refreshTokenTimeToLive(Duration.ofHours(12))
                        .setting(ConfigurationSettingNames.Token.REUSE_REFRESH_TOKENS, false)
                        .build())
                .build();

        RegisteredClient customsBroker = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("customs-broker")
                .clientSecret(brokerSecret)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://broker.partner.example/oauth/cargolane")
                .scope("customs.declarations")
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build())
                .build();

        return new InMemoryRegisteredClientRepository(edi, reseller, tms, tracker, customsBroker);
    }

    /** Plug-ins run inside customers' TMS installs and cannot persist a new refresh token. */
    private static TokenSettings pluginTokenSettings() {
        return TokenSettings.builder()
                .accessTokenTimeToLive(Duration.ofMinutes(15))
                .refreshTokenTimeToLive(Duration.ofDays(5))
                .reuseRefreshTokens(Boolean.TRUE)
                .build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${portal.issuer}") String issuer) {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }
}
