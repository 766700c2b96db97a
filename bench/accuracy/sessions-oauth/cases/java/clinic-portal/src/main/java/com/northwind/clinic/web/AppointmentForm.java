package com.northwind.clinic.web;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

public record AppointmentForm(@NotBlank String patientMrn,
                              @NotNull @Future OffsetDateTime startsAt,
                              String reason) {
}
