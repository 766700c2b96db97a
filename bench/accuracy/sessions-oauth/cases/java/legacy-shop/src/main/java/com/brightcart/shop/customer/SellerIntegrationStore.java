package com.brightcart.shop.customer;

import com.github.scribejava.core.model.OAuth2AccessToken;

public interface SellerIntegrationStore {

    void save(String sellerEmail, String provider, OAuth2AccessToken token);
}
