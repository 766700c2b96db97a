package com.stagepass.events.artist;

import com.github.scribejava.core.builder.api.DefaultApi20;

public final class TicketVaultApi extends DefaultApi20 {

    public static final TicketVaultApi INSTANCE = new TicketVaultApi();

    private TicketVaultApi() {
    }

    @Override
    public String getAccessTokenEndpoint() {
        return "https://api.ticketvault.example/oauth2/token";
    }

    @Override
    protected String getAuthorizationBaseUrl() {
        return "https://www.ticketvault.example/oauth2/authorize";
    }
}
