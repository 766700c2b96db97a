package com.haulwise.fleet.dispatch;

import java.util.List;

public interface RouteService {

    List<RouteSummary> activeRoutes();

    void assign(long routeId, String driverEmployeeNo);

    void close(long routeId);

    record RouteSummary(long id, String name, String driverEmployeeNo, String status) {
    }
}
