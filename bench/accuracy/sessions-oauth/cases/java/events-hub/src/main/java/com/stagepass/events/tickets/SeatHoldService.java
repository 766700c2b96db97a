package com.stagepass.events.tickets;

public interface SeatHoldService {

    SeatHold hold(long eventId, int seats);
}
