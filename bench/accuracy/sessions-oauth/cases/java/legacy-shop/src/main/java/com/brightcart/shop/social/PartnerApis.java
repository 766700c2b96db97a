package com.brightcart.shop.social;

import com.github.scribejava.core.builder.api.DefaultApi20;

/** ScribeJava endpoint descriptions for marketplace partners without a bundled API class. */
public final class PartnerApis {

    private PartnerApis() {
    }

    public static final class MarketHub extends DefaultApi20 {
        public static final MarketHub INSTANCE = new MarketHub();

        @Override
        public String getAccessTokenEndpoint() {
            return "https://accounts.markethub.example/oauth/token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return "https://accounts.markethub.example/oauth/authorize";
        }
    }

    public static final class PosLink extends DefaultApi20 {
        public static final PosLink INSTANCE = new PosLink();

        @Override
        public String getAccessTokenEndpoint() {
            return "https://id.poslink.example/token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return "https://id.poslink.example/authorize";
        }
    }
}
