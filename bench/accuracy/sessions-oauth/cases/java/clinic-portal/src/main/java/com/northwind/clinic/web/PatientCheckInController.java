package com.northwind.clinic.web;

import static com.northwind.clinic.web.SessionKeys.CHECKIN_PATIENT;
import static com.northwind.clinic.web.SessionKeys.CHECKIN_STAFF;
import static com.northwind.clinic.web.SessionKeys.KIOSK_LOCALE;
import static com.northwind.clinic.web.SessionKeys.LAST_QUEUE;

import com.northwind.clinic.domain.Patient;
import com.northwind.clinic.domain.StaffUser;
import com.northwind.clinic.security.CheckInVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Patients identify themselves at the waiting-room kiosk with their record number and
 * date of birth; a nurse can take over the terminal with a badge PIN.
 */
@Controller
@RequestMapping("/kiosk")
public class PatientCheckInController {

    private final CheckInVerifier verifier;

    public PatientCheckInController(CheckInVerifier verifier) {
        this.verifier = verifier;
    }

    @PostMapping("/patient")
    public String identifyPatient(@RequestParam String mrn,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dob,
                                  HttpServletRequest request) {
        Optional<Patient> match = verifier.matchPatient(mrn, dob);
        if (match.isEmpty()) {
            return "redirect:/kiosk/home?notfound";
        }
        request.getSession().setAttribute(CHECKIN_PATIENT, match.get().getId());
        return "redirect:/kiosk/confirm";
    }

    @PostMapping("/staff-override")
    public String staffOverride(@RequestParam String badge,
                                @RequestParam String pin,
                                HttpServletRequest request) {
        Optional<StaffUser> staff = verifier.verifyBadge(badge, pin);
        if (staff.isEmpty()) {
            return "redirect:/kiosk/home?denied";
        }
        request.changeSessionId();
        request.getSession().setAttribute(CHECKIN_STAFF, staff.get().getId());
        return "redirect:/kiosk/queue";
    }

    @PostMapping("/language")
    public String chooseLanguage(@RequestParam String tag, HttpSession session) {
        Locale locale = Locale.forLanguageTag(tag);
        session.setAttribute(KIOSK_LOCALE, locale);
        return "redirect:/kiosk/home";
    }

    @PostMapping("/queue/{queueId}")
    public String pickQueue(@PathVariable long queueId, HttpSession session) {
        session.setAttribute(LAST_QUEUE, queueId);
        return "redirect:/kiosk/queue/" + queueId;
    }
}
