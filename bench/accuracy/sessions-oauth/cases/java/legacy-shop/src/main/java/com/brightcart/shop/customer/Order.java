package com.brightcart.shop.customer;

public final class Order {

    private final long id;
    private final String reference;

    public Order(long id, String reference) {
        this.id = id;
        this.reference = reference;
    }

    public long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }
}
