package com.harbourline.ferry.web;

import com.harbourline.ferry.auth.PartnerTokenVerifier;
import com.harbourline.ferry.booking.Booking;
import com.harbourline.ferry.booking.BookingRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/bookings")
public class BookingController {

    private static final Logger log = LoggerFactory.getLogger(BookingController.class);

    private final BookingRepository bookings;
    private final PartnerTokenVerifier partners;

    public BookingController(BookingRepository bookings, PartnerTokenVerifier partners) {
        this.bookings = bookings;
        this.partners = partners;
    }

    record OverrideRequest(String bookingRef, int extraVehicles, boolean supervisor) {
    }

    @GetMapping
    public List<Booking> mine(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "departure") String sort) {
        if ("price".equals(sort)) {
            return bookings.findByPassengerOrderByPrice(jwt.getSubject());
        }
        return bookings.findByPassengerOrderByDeparture(jwt.getSubject());
    }

    @DeleteMapping("/{ref}")
    public ResponseEntity<Void> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String ref) {
        Booking booking = bookings.findByRef(ref).orElseThrow();
        if (!booking.getPassengerId().equals(jwt.getSubject()) && !jwt.getClaimAsStringList("roles").contains("ticket-office")) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        bookings.cancel(ref);
        log.info("booking {} cancelled by {}", ref, jwt.getSubject());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/override")
    public ResponseEntity<Void> overrideCapacity(@RequestBody OverrideRequest req) {
        if (req.supervisor()) {
            bookings.addVehicles(req.bookingRef(), req.extraVehicles());
            return ResponseEntity.accepted().build();
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @GetMapping("/{ref}/manifest")
    public ResponseEntity<Booking> manifest(@PathVariable String ref, @RequestHeader("X-Crew-Role") String crewRole) {
        if (crewRole.equals("purser") || crewRole.equals("captain")) {
            return ResponseEntity.ok(bookings.findByRef(ref).orElseThrow());
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @GetMapping("/vehicle-deck")
    public ResponseEntity<List<Booking>> vehicleDeck(HttpServletRequest request) {
        if ("deckhand".equals(request.getParameter("role"))) {
            return ResponseEntity.ok(bookings.withVehicles());
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @GetMapping("/lounge")
    public ResponseEntity<List<Booking>> loungeGuests(@CookieValue(name = "hl_tier", defaultValue = "standard") String tier) {
        if (tier.equals("gold")) {
            return ResponseEntity.ok(bookings.loungeGuests());
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PreAuthorize("hasRole('TICKET_OFFICE')")
    @PostMapping("/{ref}/refund")
    public ResponseEntity<Void> refund(@PathVariable String ref) {
        bookings.refund(ref);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/port-authority/{ref}")
    public ResponseEntity<Booking> portAuthorityView(@RequestHeader("Authorization") String auth, @PathVariable String ref) {
        if (partners.isPortAuthorityOfficer(auth.substring("Bearer ".length()))) {
            return ResponseEntity.ok(bookings.findByRef(ref).orElseThrow());
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    @PostMapping(value = "/import", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<Void> importCsv(HttpServletRequest request, @AuthenticationPrincipal Jwt jwt) {
        if (!MediaType.TEXT_PLAIN_VALUE.equals(request.getContentType())) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).build();
        }
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/by-passenger")
    public ResponseEntity<List<Booking>> byPassenger(@RequestParam String passengerId, @RequestHeader("X-Passenger-Id") String caller) {
        if (!passengerId.equals(caller)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(bookings.findByPassengerOrderByDeparture(passengerId));
    }
}
