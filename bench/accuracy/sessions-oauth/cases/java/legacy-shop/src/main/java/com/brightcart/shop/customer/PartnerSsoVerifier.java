package com.brightcart.shop.customer;

public interface PartnerSsoVerifier {

    /** Verifies the marketplace partner's signed assertion and returns the linked customer. */
    CustomerAccount verify(String assertion);
}
