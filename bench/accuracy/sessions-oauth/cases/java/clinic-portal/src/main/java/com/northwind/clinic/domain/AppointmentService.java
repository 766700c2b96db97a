package com.northwind.clinic.domain;

import com.northwind.clinic.web.AppointmentForm;

public interface AppointmentService {

    Appointment get(long id);

    Appointment book(AppointmentForm form, String clinicianUsername);

    void cancel(long id);

    void reschedule(long id, AppointmentForm form);

    void addNote(long id, String text);
}
