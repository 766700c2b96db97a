package com.example.portal.web;

import static com.auth0.jwt.JWT.decode;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.example.portal.security.AccountDao;
import com.example.portal.security.PasswordHasher.Account;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** OIDC form_post callback from the corporate SSO, and remember-me re-login. */
@WebServlet("/sso/*")
public class SsoCallbackServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(SsoCallbackServlet.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String idToken = req.getParameter("id_token");
        Account account = AccountDao.fromContext(getServletContext()).findByEmail(emailFromIdToken(idToken));
        startSession(req, account);
        log.info("SSO login for account {} (id_token jti {})", account.id(), JWT.decode(idToken).getId());
        scheduleRefresh(req.getSession(), req.getParameter("refresh_token"));
        resp.sendRedirect(req.getContextPath() + "/home");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Cookie> rememberMe = Arrays.stream(Optional.ofNullable(req.getCookies()).orElse(new Cookie[0]))
                .filter(c -> "remember_me".equals(c.getName()))
                .findFirst();
        if (rememberMe.isEmpty()) {
            resp.sendRedirect(req.getContextPath() + "/login.jsp");
            return;
        }
        DecodedJWT remembered = decode(rememberMe.get().getValue());
        Account account = AccountDao.fromContext(getServletContext()).findById(remembered.getSubject());
        startSession(req, account);
        resp.sendRedirect(req.getContextPath() + "/home");
    }

    private static String emailFromIdToken(String jwt) throws IOException {
        String json = new String(Base64.getUrlDecoder().decode(jwt.substring(jwt.indexOf('.') + 1, jwt.lastIndexOf('.'))), UTF_8);
        return MAPPER.readTree(json).path("email").asText();
    }

    private static void startSession(HttpServletRequest req, Account account) {
        HttpSession session = req.getSession(true);
        req.changeSessionId();
        session.setAttribute("accountId", account.id());
        session.setAttribute("role", account.role());
    }

    /** The browser refreshes the SSO session a minute before the refresh token runs out. */
    private static void scheduleRefresh(HttpSession session, String refreshToken) {
        Instant refreshExpiry = JWT.decode(refreshToken).getExpiresAtAsInstant();
        session.setAttribute("sso.refreshAt", refreshExpiry.minus(Duration.ofMinutes(1)));
    }
}
