package com.greenhouse.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Counter and greenhouse staff; badge numbers are printed on the staff card. */
@Entity
@Table(name = "staff_members")
public class StaffMember {

    public enum Station { COUNTER, GREENHOUSE, WAREHOUSE, OFFICE }

    @Id
    private Long id;

    @Column(name = "badge_number", nullable = false, unique = true, length = 12)
    private String badgeNumber;

    @Column(name = "full_name", nullable = false, length = 120)
    private String fullName;

    @Column(name = "password_hash", nullable = false, length = 32)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Station station;

    @Column(nullable = false)
    private boolean active = true;

    protected StaffMember() {
    }

    public Long getId() {
        return id;
    }

    public String getBadgeNumber() {
        return badgeNumber;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Station getStation() {
        return station;
    }

    public boolean isActive() {
        return active;
    }
}
