package io.helpdesklite.web;

import java.security.SecureRandom;
import java.util.Base64;
import javax.servlet.http.HttpServletRequest;

final class RememberTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RememberTokens() {
    }

    /** Creates a remember-me token for the signed-in customer and stores its hash. */
    static String issueFor(HttpServletRequest req) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RememberStore.from(req.getServletContext()).save(req.getSession().getAttribute("customer"), token);
        return token;
    }
}
