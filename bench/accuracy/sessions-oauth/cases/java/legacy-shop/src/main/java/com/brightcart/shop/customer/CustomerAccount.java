package com.brightcart.shop.customer;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Read model of a signed-in shopper. */
public final class CustomerAccount {

    private final long id;
    private final String email;
    private final boolean seller;

    public CustomerAccount(long id, String email, boolean seller) {
        this.id = id;
        this.email = email;
        this.seller = seller;
    }

    public long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public Collection<? extends GrantedAuthority> authorities() {
        return seller
                ? List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"), new SimpleGrantedAuthority("ROLE_SELLER"))
                : List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"));
    }
}
