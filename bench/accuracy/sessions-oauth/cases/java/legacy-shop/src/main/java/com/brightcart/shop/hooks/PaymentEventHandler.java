package com.brightcart.shop.hooks;

public interface PaymentEventHandler {

    void handle(String jsonEvent);
}
