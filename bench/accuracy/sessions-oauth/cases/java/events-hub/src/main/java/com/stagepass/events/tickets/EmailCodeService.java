package com.stagepass.events.tickets;

public interface EmailCodeService {

    /** True if the code is the latest one mailed to the address and has not expired (5 attempts max). */
    boolean check(String email, String code);
}
