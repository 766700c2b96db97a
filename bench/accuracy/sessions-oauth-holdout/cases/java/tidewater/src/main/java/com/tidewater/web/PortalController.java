package com.tidewater.web;

import com.tidewater.domain.Booking;
import com.tidewater.domain.BookingService;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** Passenger portal pages; partner operators link here with a return address. */
@Controller
@RequestMapping("/portal")
public class PortalController {

    private final BookingService bookingService;

    public PortalController(BookingService bookingService) {
        this.bookingService = bookingService;
    }

    @GetMapping("/bookings")
    public String bookings(Principal principal, Model model) {
        model.addAttribute("bookings", bookingService.upcomingFor(principal.getName()));
        return "portal/bookings";
    }

    @PostMapping("/bookings/{reference}/vehicle")
    public RedirectView updateVehicle(@PathVariable String reference, @RequestParam String registration,
                                      Principal principal) {
        Booking booking = bookingService.updateVehicle(principal.getName(), reference, registration);
        return new RedirectView("/portal/bookings/" + booking.getReference());
    }

    @GetMapping("/partner-return")
    public RedirectView backToPartner(@RequestParam String next) {
        return new RedirectView(next);
    }

    @GetMapping("/checkin/done")
    public ResponseEntity<Void> afterCheckin(@RequestParam("continue") String continueUrl) {
        return ResponseEntity.status(302).location(URI.create(continueUrl)).build();
    }
}
