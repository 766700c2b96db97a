package com.haulwise.fleet.auth;

import com.haulwise.fleet.driver.Driver;
import com.haulwise.fleet.driver.DriverAccountService;
import com.haulwise.fleet.security.FleetJwtService;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class DriverAuthController {

    private final DriverAccountService drivers;
    private final FleetJwtService jwt;

    public DriverAuthController(DriverAccountService drivers, FleetJwtService jwt) {
        this.drivers = drivers;
        this.jwt = jwt;
    }

    public record Credentials(String employeeNo, String password) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    @PostMapping("/auth/login")
    public Tokens login(@RequestBody Credentials credentials) {
        Driver driver = drivers.authenticate(credentials.employeeNo(), credentials.password());
        String subject = driver.getEmployeeNo();
        return new Tokens(jwt.access(subject, List.of("DRIVER")), jwt.refresh(subject),
                FleetJwtService.ACCESS_TTL.toSeconds());
    }

    @PostMapping("/auth/refresh")
    public Tokens refresh(@RequestBody RefreshRequest body) {
        JWTClaimsSet claims = jwt.verify(body.refreshToken(), "refresh");
        String subject = claims.getSubject();
        String nextRefresh = jwt.refresh(subject);
        return new Tokens(jwt.access(subject, List.of("DRIVER")), nextRefresh, FleetJwtService.ACCESS_TTL.toSeconds());
    }

    /** The app deletes its stored tokens; nothing to do on the server. */
    @PostMapping("/auth/logout")
    public ResponseEntity<Void> logout(Principal principal) {
        return ResponseEntity.noContent().build();
    }

    /** In-cab units refresh silently every shift. */
    @PostMapping("/devices/token")
    public Tokens deviceToken(@RequestBody RefreshRequest body) {
        JWTClaimsSet claims = jwt.verify(body.refreshToken(), "refresh");
        String access = jwt.access(claims.getSubject(), List.of("DEVICE"));
        return new Tokens(access, body.refreshToken(), FleetJwtService.ACCESS_TTL.toSeconds());
    }
}
