package com.brightcart.shop.customer;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

public class Cart implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> quantities = new LinkedHashMap<>();

    public void add(Product product, int qty) {
        quantities.merge(product.getSku(), Math.max(qty, 1), Integer::sum);
    }

    public Map<String, Integer> getQuantities() {
        return quantities;
    }

    public boolean isEmpty() {
        return quantities.isEmpty();
    }
}
