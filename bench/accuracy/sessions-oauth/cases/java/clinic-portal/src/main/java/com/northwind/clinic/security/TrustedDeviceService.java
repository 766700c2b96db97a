package com.northwind.clinic.security;

import java.time.Duration;

public interface TrustedDeviceService {

    /** Records a trusted device for the user and returns the opaque value for its cookie. */
    String issue(String username, Duration validFor);

    boolean isTrusted(String username, String deviceToken);
}
