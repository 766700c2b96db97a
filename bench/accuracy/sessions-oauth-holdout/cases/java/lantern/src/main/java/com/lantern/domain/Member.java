package com.lantern.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "members")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "member_number", nullable = false, unique = true, length = 12)
    private String memberNumber;

    @Column(name = "password_hash", nullable = false, length = 120)
    private String passwordHash;

    @Column(name = "panel_pin_hash", length = 120)
    private String panelPinHash;

    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    @Column(nullable = false, length = 24)
    private String plan = "HOT_DESK";

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    protected Member() {
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getPanelPinHash() {
        return panelPinHash;
    }

    public int getTokenVersion() {
        return tokenVersion;
    }

    public String getPlan() {
        return plan;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangedAt = Instant.now();
        this.tokenVersion++;
    }

    public void revokeTokens() {
        this.tokenVersion++;
    }
}
