package com.northwind.clinic.security;

/** Time-based one-time passwords for staff second factor. */
public interface TotpService {

    /** Starts a challenge and returns an opaque id for it. */
    String beginChallenge(String username);

    boolean verify(String username, String challengeId, String code);
}
