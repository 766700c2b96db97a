package com.brightcart.shop.web;

import com.brightcart.shop.customer.CustomerAccount;
import com.brightcart.shop.customer.LoginLinkService;
import com.brightcart.shop.customer.PartnerSsoVerifier;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Password-less logins: e-mailed one-time links and the marketplace partner bridge. */
@Controller
@RequestMapping("/login")
public class LinkLoginController {

    private final LoginLinkService loginLinks;
    private final PartnerSsoVerifier partnerSso;

    public LinkLoginController(LoginLinkService loginLinks, PartnerSsoVerifier partnerSso) {
        this.loginLinks = loginLinks;
        this.partnerSso = partnerSso;
    }

    @GetMapping("/link")
    public String emailLink(@RequestParam String token, HttpServletRequest request) {
        CustomerAccount customer = loginLinks.redeem(token).orElse(null);
        if (customer == null) {
            return "redirect:/login?expired";
        }
        SecurityContext context = authenticated(customer);
        request.getSession(true).setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        return "redirect:/account";
    }

    @GetMapping("/partner")
    public String partnerBridge(@RequestParam String assertion, HttpServletRequest request) {
        CustomerAccount customer = partnerSso.verify(assertion);
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession fresh = request.getSession(true);
        fresh.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, authenticated(customer));
        return "redirect:/account?via=partner";
    }

    private static SecurityContext authenticated(CustomerAccount customer) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(
                customer.getEmail(), null, customer.authorities()));
        SecurityContextHolder.setContext(context);
        return context;
    }
}
