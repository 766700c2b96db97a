package com.brightcart.shop.customer;

public interface OrderService {

    Order placeFromCart(String customerEmail);

    void confirmPayment(String orderRef);

    void addGiftWrap(long orderId);
}
