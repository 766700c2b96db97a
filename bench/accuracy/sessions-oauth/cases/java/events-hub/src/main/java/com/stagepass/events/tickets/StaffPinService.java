package com.stagepass.events.tickets;

public interface StaffPinService {

    /** Verifies a seller PIN against its stored hash; throws BadCredentialsException on failure. */
    BoxOfficeStaff verify(String pin);
}
