package com.northwind.clinic.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "staff_preferences")
public class StaffPreferences {

    @Id
    private String owner;

    @Column(length = 16)
    private String theme = "light";

    @Column(name = "default_view", length = 32)
    private String defaultView = "day";

    public StaffPreferences withOwner(String owner) {
        this.owner = owner;
        return this;
    }

    public String getOwner() {
        return owner;
    }

    public String getTheme() {
        return theme;
    }

    public String getDefaultView() {
        return defaultView;
    }
}
