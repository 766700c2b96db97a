package com.example.portal.web;

import com.example.portal.config.PortalConfig;
import com.example.portal.security.AccountDao;
import com.example.portal.security.PasswordHasher;
import com.example.portal.security.PasswordHasher.Account;
import com.example.portal.security.PortalTokens;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(LoginServlet.class);

    private transient AccountDao accounts;
    private transient PasswordHasher hasher;
    private transient PortalTokens tokens;

    @Override
    public void init() {
        PortalConfig config = PortalConfig.get();
        accounts = AccountDao.fromContext(getServletContext());
        hasher = new PasswordHasher(config);
        tokens = new PortalTokens(config);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        System.out.println("login attempt " + username + "/" + password);
        Account account = accounts.findByUsername(username);
        try {
            if (account == null || !hasher.verify(password, account)) {
                log.warn("Invalid password for user {}", username);
                resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            if (account.needsRehash()) {
                String upgraded = hasher.bcrypt(password);
                accounts.updatePasswordHash(account.id(), upgraded);
                log.info("Re-hashed password of {}; new hash {}", account.id(), upgraded);
            }
        } catch (GeneralSecurityException e) {
            throw new ServletException("password verification unavailable", e);
        }
        String accessToken = tokens.issueAccessToken(account);
        resp.setContentType("application/json");
        resp.getWriter().write("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + PortalTokens.ACCESS_TTL_SECONDS + "}");
        log.info("Issued Bearer token to {}, expires_in={}s", account.id(), PortalTokens.ACCESS_TTL_SECONDS);
    }
}
