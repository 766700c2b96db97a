package com.stagepass.events.web;

import com.stagepass.events.tickets.BoxOfficeStaff;
import com.stagepass.events.tickets.StaffPinService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Box-office terminals are signed in with a shared basic-auth account; individual
 * sellers then identify themselves with a PIN so sales are attributed correctly.
 */
@Controller
@RequestMapping("/box-office")
public class BoxOfficePinController {

    static final String SELLER = "boxoffice.seller";

    private final StaffPinService pins;

    public BoxOfficePinController(StaffPinService pins) {
        this.pins = pins;
    }

    @PostMapping("/seller")
    public String signIn(@RequestParam String pin, HttpServletRequest request) {
        BoxOfficeStaff staff = pins.verify(pin);
        HttpSession session = freshSession(request);
        session.setAttribute(SELLER, staff);
        return "redirect:/box-office/till";
    }

    /** Hand the till to the next seller without going through the PIN pad flow again. */
    @PostMapping("/seller/switch")
    public String switchSeller(@RequestParam String pin, HttpSession session) {
        BoxOfficeStaff next = pins.verify(pin);
        session.setAttribute(SELLER, next);
        return "redirect:/box-office/till?switched";
    }

    private static HttpSession freshSession(HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        return request.getSession(false);
    }
}
