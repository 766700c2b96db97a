package com.brightcart.shop.customer;

public interface CatalogService {

    Product requireProduct(String sku);
}
