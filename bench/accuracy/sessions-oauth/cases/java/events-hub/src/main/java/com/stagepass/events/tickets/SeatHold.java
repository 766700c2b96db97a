package com.stagepass.events.tickets;

import java.io.Serializable;
import java.time.Instant;

public record SeatHold(long eventId, int seats, String holdId, Instant expiresAt) implements Serializable {
}
