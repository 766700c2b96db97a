package com.greenhouse.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "customers")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "display_name", length = 80)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "password_hint", length = 40)
    private String passwordHint;

    @Column(name = "pickup_pin_hash", length = 100)
    private String pickupPinHash;

    @Column(name = "gift_card_pin_hash", length = 100)
    private String giftCardPinHash;

    @Column(name = "country_code", length = 2)
    private String countryCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected Customer() {
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPickupPinHash() {
        return pickupPinHash;
    }

    public String getGiftCardPinHash() {
        return giftCardPinHash;
    }

    public String getCountryCode() {
        return countryCode;
    }
}
