package com.lantern.web;

import com.lantern.domain.Member;
import com.lantern.domain.MemberRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in screens that bypass the main form login: the check-in desk, the
 * meeting-room panels (member number + PIN) and the community events lobby.
 */
@Controller
public class FrontDeskLoginController {

    private static final String MEMBER_KEY = "lantern.member";
    private static final Set<String> LANGUAGES = Set.of("en", "pt", "es");

    private final MemberRepository members;
    private final PasswordEncoder passwordEncoder;

    public FrontDeskLoginController(MemberRepository members, PasswordEncoder passwordEncoder) {
        this.members = members;
        this.passwordEncoder = passwordEncoder;
    }

    private Member authenticate(String username, String secret) {
        return members.findByUsernameIgnoreCase(username)
                .filter(m -> passwordEncoder.matches(secret, m.getPasswordHash()))
                .orElseThrow(() -> new BadCredentialsException("bad credentials"));
    }

    private void startSession(HttpServletRequest request, Member member) {
        request.getSession(true).setAttribute(MEMBER_KEY, member.getId());
    }

    @PostMapping("/desk/login")
    public String deskLogin(@RequestParam String username, @RequestParam String password,
                            HttpServletRequest request) {
        Member member = authenticate(username, password);
        startSession(request, member);
        return "desk/checkin";
    }

    @PostMapping("/panels/login")
    public String panelLogin(@RequestParam String memberNumber, @RequestParam String pin,
                             HttpServletRequest request) {
        Member member = members.findByMemberNumber(memberNumber)
                .filter(m -> passwordEncoder.matches(pin, m.getPanelPinHash()))
                .orElseThrow(() -> new BadCredentialsException("bad PIN"));
        HttpSession panel = request.getSession(true);
        panel.setAttribute("panelMember", member.getId());
        return "panels/room";
    }

    @PostMapping("/events/login")
    public String eventsLogin(@RequestParam String username, @RequestParam String password,
                              HttpServletRequest request) {
        Member member = authenticate(username, password);
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession fresh = request.getSession(true);
        fresh.setAttribute(MEMBER_KEY, member.getId());
        return "events/lobby";
    }

    @PostMapping("/language")
    public String language(@RequestParam String lang, HttpSession session) {
        String chosen = LANGUAGES.contains(lang) ? lang : "en";
        session.setAttribute("locale", Locale.forLanguageTag(chosen));
        return "fragments/language-ok";
    }
}
