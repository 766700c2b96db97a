package com.greenhouse.integration;

import com.github.scribejava.core.builder.api.DefaultApi20;

/** OAuth 2.0 endpoints of the regional growers' co-operative marketplace. */
public class GrowerNetworkApi extends DefaultApi20 {

    private static class InstanceHolder {
        private static final GrowerNetworkApi INSTANCE = new GrowerNetworkApi();
    }

    protected GrowerNetworkApi() {
    }

    public static GrowerNetworkApi instance() {
        return InstanceHolder.INSTANCE;
    }

    @Override
    public String getAccessTokenEndpoint() {
        return "https://auth.growers-coop.example/oauth/token";
    }

    @Override
    protected String getAuthorizationBaseUrl() {
        return "https://auth.growers-coop.example/oauth/authorize";
    }
}
