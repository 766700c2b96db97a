package com.brightcart.shop.customer;

public final class Product {

    private final String sku;
    private final String title;
    private final int priceCents;

    public Product(String sku, String title, int priceCents) {
        this.sku = sku;
        this.title = title;
        this.priceCents = priceCents;
    }

    public String getSku() {
        return sku;
    }

    public String getTitle() {
        return title;
    }

    public int getPriceCents() {
        return priceCents;
    }
}
