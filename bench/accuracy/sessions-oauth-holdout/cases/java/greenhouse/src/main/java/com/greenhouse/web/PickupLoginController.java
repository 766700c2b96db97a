package com.greenhouse.web;

import com.greenhouse.domain.Customer;
import com.greenhouse.domain.CustomerRepository;
import com.greenhouse.domain.StaffDirectory;
import com.greenhouse.domain.StaffMember;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * In-store pickup: customers type their order number and the PIN from the
 * confirmation e-mail at the pickup kiosk; counter staff sign in with their badge.
 */
@Controller
@RequestMapping("/pickup")
public class PickupLoginController {

    private static final int THIRTY_DAYS = 30 * 24 * 3600;

    private final CustomerRepository customers;
    private final StaffDirectory staff;
    private final PasswordEncoder passwordEncoder;
    private final PickupDeviceTokens deviceTokens;

    public PickupLoginController(CustomerRepository customers, StaffDirectory staff,
                                 PasswordEncoder passwordEncoder, PickupDeviceTokens deviceTokens) {
        this.customers = customers;
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
        this.deviceTokens = deviceTokens;
    }

    @GetMapping("/login")
    public String form(Model model) {
        model.addAttribute("pinLength", 6);
        return "pickup/login";
    }

    @PostMapping("/login")
    public String pinLogin(@RequestParam String orderNumber, @RequestParam String pin,
                           @RequestParam(defaultValue = "false") boolean rememberDevice,
                           HttpServletRequest request, HttpServletResponse response) {
        Optional<Customer> match = customers.findByOpenPickupOrder(orderNumber);
        if (match.isEmpty() || !passwordEncoder.matches(pin, match.get().getPickupPinHash())) {
            return "pickup/login-failed";
        }
        Customer customer = match.get();
        request.getSession().setAttribute("pickupCustomer", customer.getId());
        if (rememberDevice) {
            Cookie remember = new Cookie("remember_me", deviceTokens.issue(customer));
            remember.setSecure(true);
            remember.setPath("/pickup");
            remember.setMaxAge(THIRTY_DAYS);
            response.addCookie(remember);
        }
        return "redirect:" + request.getParameter("next");
    }

    @PostMapping("/counter/login")
    public String counterLogin(@RequestParam String badge, @RequestParam String password,
                               HttpServletRequest request) {
        StaffMember member = staff.authenticate(badge, password)
                .orElseThrow(() -> new BadCredentialsException("unknown badge"));
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute("counterStaff", member.getId());
        return "redirect:/pickup/queue";
    }

    @PostMapping("/gift-card/login")
    public String giftCardLogin(@RequestParam String cardNumber, @RequestParam String pin,
                                HttpServletRequest request) {
        Customer holder = customers.findByGiftCard(cardNumber)
                .filter(c -> passwordEncoder.matches(pin, c.getGiftCardPinHash()))
                .orElseThrow(() -> new BadCredentialsException("unknown card"));
        HttpSession kiosk = request.getSession(true);
        kiosk.setAttribute("giftCardHolder", holder.getId());
        return "pickup/gift-card-balance";
    }

    @PostMapping("/logout")
    public String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "pickup/goodbye";
    }
}
