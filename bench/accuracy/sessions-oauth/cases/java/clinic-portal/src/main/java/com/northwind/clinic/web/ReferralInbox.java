package com.northwind.clinic.web;

public interface ReferralInbox {

    void accept(byte[] hl7Document);
}
