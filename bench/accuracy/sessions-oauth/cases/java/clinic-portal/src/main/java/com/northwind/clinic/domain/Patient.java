package com.northwind.clinic.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "patient")
public class Patient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "clinic_id", nullable = false)
    private Long clinicId;

    @Column(nullable = false, unique = true, length = 20)
    private String mrn;

    @Column(name = "full_name", nullable = false, length = 160)
    private String fullName;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    protected Patient() {
    }

    public Long getId() {
        return id;
    }

    public String getMrn() {
        return mrn;
    }

    public String getFullName() {
        return fullName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }
}
