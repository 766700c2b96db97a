package com.stagepass.events.tickets;

public interface OrganizerInvites {

    record AcceptedInvite(String username, long promoterId) {
    }

    boolean isOpen(String code);

    /** Consumes the invite, creates the organizer account with the given password. */
    AcceptedInvite accept(String code, String password);
}
