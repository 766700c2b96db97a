package com.northwind.clinic.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "appointment")
public class Appointment {

    public enum Status { BOOKED, CANCELLED, ATTENDED, NO_SHOW }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "patient_id")
    private Patient patient;

    @ManyToOne(optional = false)
    @JoinColumn(name = "clinician_id")
    private StaffUser clinician;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.BOOKED;

    protected Appointment() {
    }

    public Appointment(Patient patient, StaffUser clinician, OffsetDateTime startsAt) {
        this.patient = patient;
        this.clinician = clinician;
        this.startsAt = startsAt;
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getStartsAt() {
        return startsAt;
    }

    public void moveTo(OffsetDateTime newStart) {
        this.startsAt = newStart;
    }

    public void cancel() {
        this.status = Status.CANCELLED;
    }
}
