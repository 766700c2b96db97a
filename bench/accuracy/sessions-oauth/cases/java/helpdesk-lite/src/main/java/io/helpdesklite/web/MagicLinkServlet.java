package io.helpdesklite.web;

import io.helpdesklite.util.AppBootstrap;
import io.helpdesklite.util.Accounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import javax.sql.DataSource;

/** "Email me a sign-in link" for customers who never set a password. */
@WebServlet("/portal/magic")
public class MagicLinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String token = req.getParameter("token");
        if (token == null || token.length() < 32) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Accounts.Principal customer = redeem(token);
        if (customer == null) {
            resp.sendRedirect(req.getContextPath() + "/portal/login?link=expired");
            return;
        }
        HttpSession session = req.getSession();
        session.setAttribute("customer", customer);
        resp.sendRedirect(req.getContextPath() + "/portal/tickets?welcome");
    }

    private Accounts.Principal redeem(String token) {
        DataSource ds = (DataSource) getServletContext().getAttribute(AppBootstrap.DATA_SOURCE);
        String sql = "SELECT c.id, c.email FROM magic_link m JOIN customer c ON c.id = m.customer_id "
                + "WHERE m.token_hash = ? AND m.used_at IS NULL AND m.expires_at > NOW()";
        try (Connection db = ds.getConnection(); PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                try (PreparedStatement used = db.prepareStatement("UPDATE magic_link SET used_at = NOW() WHERE token_hash = ?")) {
                    used.setString(1, sha256(token));
                    used.executeUpdate();
                }
                return Accounts.customer(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
