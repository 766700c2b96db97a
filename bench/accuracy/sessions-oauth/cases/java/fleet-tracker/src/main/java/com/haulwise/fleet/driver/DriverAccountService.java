package com.haulwise.fleet.driver;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

@Service
public class DriverAccountService {

    private final DriverRepository drivers;
    private final PasswordEncoder passwordEncoder;

    public DriverAccountService(DriverRepository drivers, PasswordEncoder passwordEncoder) {
        this.drivers = drivers;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional(readOnly = true)
    public Driver authenticate(String employeeNo, String password) {
        return drivers.findByEmployeeNo(employeeNo)
                .filter(d -> passwordEncoder.matches(password, d.getPasswordHash()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    /** Called from the driver app's settings screen and by fleet managers after a lost phone. */
    @Transactional
    public void changePassword(String employeeNo, String newPassword) {
        Driver driver = drivers.findByEmployeeNo(employeeNo).orElseThrow();
        driver.changePasswordHash(passwordEncoder.encode(newPassword));
        drivers.save(driver);
    }
}
