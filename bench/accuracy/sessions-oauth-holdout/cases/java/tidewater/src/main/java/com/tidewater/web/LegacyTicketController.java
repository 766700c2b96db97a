package com.tidewater.web;

import com.tidewater.domain.Booking;
import com.tidewater.domain.BookingRepository;
import com.tidewater.security.JwtService;
import java.io.IOException;
import java.util.Set;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Self-service kiosks at the terminals that still run the 2017 boarding-pass
 * screens: a passenger types booking reference and surname to print passes.
 */
@Controller
@RequestMapping("/legacy/kiosk")
public class LegacyTicketController {

    private static final Set<String> KIOSK_LANGUAGES = Set.of("en", "fr", "nl");
    private static final int TWO_HOURS = 2 * 3600;

    private final BookingRepository bookings;
    private final JwtService jwtService;

    public LegacyTicketController(BookingRepository bookings, JwtService jwtService) {
        this.bookings = bookings;
        this.jwtService = jwtService;
    }

    @PostMapping("/session")
    public void openBooking(@RequestParam String bookingRef, @RequestParam String surname,
                            @RequestParam(defaultValue = "en") String lang,
                            HttpServletResponse response) throws IOException {
        Booking booking = bookings.findByReferenceAndLeadSurnameIgnoreCase(bookingRef, surname)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));

        Cookie cookie = new Cookie("auth_token", jwtService.issueBookingToken(booking.getReference()));
        cookie.setHttpOnly(true);
        cookie.setPath("/legacy");
        cookie.setMaxAge(TWO_HOURS);
        response.addCookie(cookie);

        Cookie language = new Cookie("kiosk_lang", KIOSK_LANGUAGES.contains(lang) ? lang : "en");
        language.setPath("/legacy");
        response.addCookie(language);

        response.sendRedirect("/legacy/kiosk/boarding-passes");
    }
}
