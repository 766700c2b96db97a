package com.example.portal.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.portal.security.AccountDao;
import com.example.portal.security.CsrfGuard;
import com.example.portal.security.PasswordHasher.Account;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@WebServlet("/profile")
public class ProfileServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(ProfileServlet.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String accountId = (String) req.getSession().getAttribute("accountId");
        Account account = AccountDao.fromContext(getServletContext()).findById(accountId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", account.username());
        body.put("email", account.email());
        body.put("avatar", "https://www.gravatar.com/avatar/" + gravatarHash(account.email()) + "?d=identicon");
        body.put("hashFormat", account.hashFormat().name());
        body.put("passwordHash", account.passwordHash());
        resp.setContentType("application/json");
        MAPPER.writeValue(resp.getWriter(), body);
    }

    /** Avatar upload: the page posts a data URI produced by the cropper widget. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!CsrfGuard.isValidAjax(req)) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String accountId = (String) req.getSession().getAttribute("accountId");
        String dataUri = req.getParameter("avatar");
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        AccountDao.fromContext(getServletContext()).updateAvatar(accountId, png);
        log.info("Avatar updated for {} ({} bytes)", accountId, png.length);
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static String gravatarHash(String email) throws ServletException {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(email.trim().toLowerCase(Locale.ROOT).getBytes(UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new ServletException(e);
        }
    }
}
