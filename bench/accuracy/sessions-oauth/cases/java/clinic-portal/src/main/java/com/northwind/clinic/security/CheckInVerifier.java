package com.northwind.clinic.security;

import com.northwind.clinic.domain.Patient;
import com.northwind.clinic.domain.PatientRepository;
import com.northwind.clinic.domain.StaffUser;
import com.northwind.clinic.domain.StaffUserRepository;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CheckInVerifier {

    private final PatientRepository patients;
    private final StaffUserRepository staff;
    private final PasswordEncoder passwordEncoder;

    public CheckInVerifier(PatientRepository patients, StaffUserRepository staff, PasswordEncoder passwordEncoder) {
        this.patients = patients;
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
    }

    public Optional<Patient> matchPatient(String mrn, LocalDate birthDate) {
        return patients.findByMrn(mrn.trim().toUpperCase())
                .filter(p -> p.getBirthDate().equals(birthDate));
    }

    public Optional<StaffUser> verifyBadge(String badgeNumber, String pin) {
        return staff.findByBadgeNumber(badgeNumber)
                .filter(StaffUser::isEnabled)
                .filter(s -> s.getBadgePinHash() != null && passwordEncoder.matches(pin, s.getBadgePinHash()));
    }
}
