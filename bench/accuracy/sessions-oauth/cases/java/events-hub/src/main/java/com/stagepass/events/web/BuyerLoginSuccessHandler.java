package com.stagepass.events.web;

import com.stagepass.events.tickets.BuyerDirectory;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Runs after Spring Security's form login has authenticated the buyer; by then the
 * session-fixation strategy (default: change the session id) has already run.
 */
@Component
public class BuyerLoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final BuyerDirectory buyers;

    public BuyerLoginSuccessHandler(BuyerDirectory buyers) {
        this.buyers = buyers;
        setDefaultTargetUrl("/account/tickets");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        long buyerId = buyers.idFor(authentication.getName());
        request.getSession().setAttribute("buyerId", buyerId);
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
