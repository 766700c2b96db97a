package com.stagepass.events.tickets;

import java.io.Serializable;

public record BoxOfficeStaff(long id, String name, String venue) implements Serializable {
}
