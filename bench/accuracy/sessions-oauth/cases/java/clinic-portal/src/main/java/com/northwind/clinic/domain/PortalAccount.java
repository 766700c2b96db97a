package com.northwind.clinic.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** Patient self-service login. Mirrors V3 and V6/V7 migrations. */
@Entity
@Table(name = "portal_account")
public class PortalAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "patient_id", unique = true)
    private Patient patient;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 40)
    private String passwordHash;

    @Column(name = "password_hint", length = 80)
    private String passwordHint;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "country_code", length = 2)
    private String countryCode;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    protected PortalAccount() {
    }

    public Long getId() {
        return id;
    }

    public Patient getPatient() {
        return patient;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void recordLogin() {
        this.lastLoginAt = Instant.now();
    }
}
