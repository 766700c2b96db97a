package com.haulwise.fleet.dispatch;

public interface DriverViewTokens {

    /** Short-lived read-only access token for the driver's view of their routes. */
    String tokenFor(String employeeNo);
}
