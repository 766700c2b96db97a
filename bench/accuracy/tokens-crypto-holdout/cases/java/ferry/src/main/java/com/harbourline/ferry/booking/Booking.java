package com.harbourline.ferry.booking;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public class Booking {
    private String ref;
    private String passengerId;
    private String sailing;
    private OffsetDateTime departure;
    private BigDecimal price;
    private int vehicles;

    public String getRef() { return ref; }
    public String getPassengerId() { return passengerId; }
    public String getSailing() { return sailing; }
    public OffsetDateTime getDeparture() { return departure; }
    public BigDecimal getPrice() { return price; }
    public int getVehicles() { return vehicles; }
}
