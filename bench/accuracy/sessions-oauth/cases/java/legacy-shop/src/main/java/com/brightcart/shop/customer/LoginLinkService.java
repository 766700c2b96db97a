package com.brightcart.shop.customer;

import java.util.Optional;

public interface LoginLinkService {

    /** Consumes a one-time login link token. */
    Optional<CustomerAccount> redeem(String token);
}
