package com.stagepass.events.tickets;

public interface TicketService {

    long transfer(String owner, long ticketId, String recipientEmail);

    void listForResale(String owner, long ticketId);
}
