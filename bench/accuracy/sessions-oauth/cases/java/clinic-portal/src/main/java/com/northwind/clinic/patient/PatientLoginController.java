package com.northwind.clinic.patient;

import com.northwind.clinic.domain.PortalAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Patient self-service sign-in. Patients are not Spring Security principals; the portal
 * pages under /patient check the session attribute instead.
 */
@Controller
@RequestMapping("/patient")
public class PatientLoginController {

    static final String PATIENT_ACCOUNT = "patient.accountId";
    static final String PATIENT_MFA_PENDING = "patient.mfaPending";

    private final PortalAccountService accounts;

    public PatientLoginController(PortalAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    public String form() {
        return "patient/login";
    }

    @PostMapping("/login")
    public String login(@RequestParam String email, @RequestParam String password, HttpServletRequest request) {
        Optional<PortalAccount> account = accounts.verify(email, password);
        if (account.isEmpty()) {
            return "redirect:/patient/login?error";
        }
        if (accounts.requiresSecondFactor(account.get())) {
            request.getSession().setAttribute(PATIENT_MFA_PENDING, account.get().getId());
            return "redirect:/patient/login/code";
        }
        signIn(request, account.get());
        return "redirect:/patient/home";
    }

    @PostMapping("/login/code")
    public String secondFactor(@RequestParam String code, HttpServletRequest request) {
        HttpSession pending = request.getSession(false);
        Long accountId = pending == null ? null : (Long) pending.getAttribute(PATIENT_MFA_PENDING);
        if (accountId == null || !accounts.checkCode(accountId, code)) {
            return "redirect:/patient/login?error=code";
        }
        pending.invalidate();
        HttpSession session = request.getSession(true);
        session.setAttribute(PATIENT_ACCOUNT, accountId);
        return "redirect:/patient/home?verified";
    }

    @PostMapping("/logout")
    public String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/patient/login?bye";
    }

    private void signIn(HttpServletRequest request, PortalAccount account) {
        account.recordLogin();
        accounts.save(account);
        request.getSession().setAttribute(PATIENT_ACCOUNT, account.getId());
    }
}
