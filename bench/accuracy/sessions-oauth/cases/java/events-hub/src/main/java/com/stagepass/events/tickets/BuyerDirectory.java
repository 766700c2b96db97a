package com.stagepass.events.tickets;

public interface BuyerDirectory {

    long idFor(String username);

    /** Checks the password and returns the username; throws on failure. */
    String authenticate(String email, String password);
}
