package net.cargolane.portal.auth;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Single sign-on from partners' own TMS: they post a signed launch token, we verify it and
 * open a portal session for the mapped partner user.
 */
@Controller
@RequestMapping("/portal/sso")
public class PartnerSsoController {

    private final LaunchTokenVerifier launchTokens;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();
    private final SessionAuthenticationStrategy sessionStrategy = new ChangeSessionIdAuthenticationStrategy();

    public PartnerSsoController(LaunchTokenVerifier launchTokens) {
        this.launchTokens = launchTokens;
    }

    @PostMapping("/launch")
    public String launch(@RequestParam("launch_token") String launchToken,
                         HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = launchTokens.verify(launchToken);
        sessionStrategy.onAuthentication(authentication, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        return "redirect:/portal/shipments";
    }

    /** Older TMS plug-ins open the portal in a popup with the token in the query string. */
    @GetMapping("/popup")
    public String popup(@RequestParam("t") String launchToken,
                        HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = launchTokens.verify(launchToken);
        SecurityContext popupContext = SecurityContextHolder.createEmptyContext();
        popupContext.setAuthentication(authentication);
        contextRepository.saveContext(popupContext, request, response);
        return "redirect:/portal/shipments?popup=1";
    }
}
