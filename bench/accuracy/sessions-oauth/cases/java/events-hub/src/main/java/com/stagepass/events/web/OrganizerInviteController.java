package com.stagepass.events.web;

import com.stagepass.events.tickets.OrganizerInvites;
import com.stagepass.events.tickets.OrganizerInvites.AcceptedInvite;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Promoters invite co-organizers; accepting sets a password and signs the new organizer in. */
@Controller
@RequestMapping("/organizer/invite")
public class OrganizerInviteController {

    private final OrganizerInvites invites;

    public OrganizerInviteController(OrganizerInvites invites) {
        this.invites = invites;
    }

    @GetMapping
    public String form(@RequestParam String code) {
        return invites.isOpen(code) ? "organizer/accept-invite" : "organizer/invite-expired";
    }

    @PostMapping
    public String accept(@RequestParam String code, @RequestParam String password, HttpServletRequest request) {
        AcceptedInvite accepted = invites.accept(code, password);
        establish(request, accepted.username());
        return "redirect:/organizer/events?welcome";
    }

    private static void establish(HttpServletRequest request, String username) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(username, null,
                AuthorityUtils.createAuthorityList("ROLE_ORGANIZER")));
        SecurityContextHolder.setContext(context);
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
