package com.haulwise.fleet.driver;

public interface DispatcherDirectory {

    /** Checks the dispatcher's credentials against the company LDAP and returns the subject. */
    String authenticate(String username, String password);
}
