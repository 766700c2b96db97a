package org.quillwiki.sso;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.util.Objects;

/** Identity provider settings, read from the environment of the servlet container. */
public record IdpConfig(URI authorizationEndpoint, URI tokenEndpoint, ClientID clientId, Secret clientSecret,
                        URI callback) {

    public static IdpConfig fromEnv(String prefix) {
        String secret = System.getenv(prefix + "CLIENT_SECRET");
        return new IdpConfig(
                URI.create(required(prefix + "AUTHORIZATION_ENDPOINT")),
                URI.create(required(prefix + "TOKEN_ENDPOINT")),
                new ClientID(required(prefix + "CLIENT_ID")),
                secret == null ? null : new Secret(secret),
                URI.create(required(prefix + "CALLBACK")));
    }

    private static String required(String name) {
        return Objects.requireNonNull(System.getenv(name), name + " is not set");
    }
}
