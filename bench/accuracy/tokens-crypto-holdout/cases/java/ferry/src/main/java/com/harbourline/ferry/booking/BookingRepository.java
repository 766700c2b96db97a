package com.harbourline.ferry.booking;

import java.util.List;
import java.util.Optional;

public interface BookingRepository {
    List<Booking> findByPassengerOrderByPrice(String passengerId);
    List<Booking> findByPassengerOrderByDeparture(String passengerId);
    Optional<Booking> findByRef(String ref);
    List<Booking> withVehicles();
    List<Booking> loungeGuests();
    void cancel(String ref);
    void refund(String ref);
    void addVehicles(String ref, int count);
}
