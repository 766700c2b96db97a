package com.stagepass.events.web;

import com.stagepass.events.tickets.EmailCodeService;
import com.stagepass.events.tickets.SeatHold;
import com.stagepass.events.tickets.SeatHoldService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Buying without an account: the buyer proves their e-mail with a six-digit code. */
@Controller
@RequestMapping("/guest")
public class GuestCheckoutController {

    public static final String GUEST_BUYER = "guest.buyerEmail";
    public static final String SEAT_HOLD = "guest.seatHold";
    public static final String RETURN_TO = "guest.returnTo";

    private final EmailCodeService codes;
    private final SeatHoldService holds;

    public GuestCheckoutController(EmailCodeService codes, SeatHoldService holds) {
        this.codes = codes;
        this.holds = holds;
    }

    @PostMapping("/events/{eventId}/hold")
    public String hold(@PathVariable long eventId, @RequestParam int seats,
                       HttpServletRequest request, HttpSession session) {
        SeatHold hold = holds.hold(eventId, seats);
        session.setAttribute(SEAT_HOLD, hold);
        session.setAttribute(RETURN_TO, request.getRequestURI());
        return "redirect:/guest/verify";
    }

    @PostMapping("/verify")
    public String verify(@RequestParam String email, @RequestParam String code, HttpSession session) {
        if (!codes.check(email, code)) {
            return "redirect:/guest/verify?error";
        }
        session.setAttribute(GUEST_BUYER, email.toLowerCase());
        return "redirect:/guest/checkout";
    }

    @GetMapping("/verify")
    public String verifyForm() {
        return "guest/verify";
    }
}
