package org.quillwiki.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.quillwiki.data.Db;

/** Token endpoints of the desktop sync API (bearer tokens, no cookies). */
@WebServlet(urlPatterns = "/api/sync/token/*")
public class SyncTokenServlet extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();

    record RefreshBody(String refresh_token) {
    }

    private transient DataSource dataSource;

    @Override
    public void init() {
        dataSource = Db.dataSource(getServletContext());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RefreshBody body = JSON.readValue(req.getInputStream(), RefreshBody.class);
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            switch (path) {
                case "/refresh" -> rotate(db, body, resp);
                case "/renew" -> renewKeepingOld(db, body, resp);
                case "/legacy" -> legacy(db, body, resp);
                case "/exchange" -> exchangeMarkingUsed(db, body, resp);
                default -> resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            db.commit();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** Single-use refresh tokens: the presented one is deleted in the same transaction. */
    private void rotate(Connection db, RefreshBody body, HttpServletResponse resp) throws SQLException, IOException {
        try (PreparedStatement ps = db.prepareStatement(
                "DELETE FROM sync_refresh_token WHERE token_hash = ? AND expires_at > now() RETURNING account_id, device_id")) {
            ps.setString(1, SyncTokens.sha256(body.refresh_token()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    return;
                }
                long account = rs.getLong(1);
                String device = rs.getString(2);
                String access = SyncTokens.newAccessToken(db, account, device);
                String refresh = SyncTokens.newRefreshToken(db, account, device);
                write(resp, Map.of("access_token", access, "refresh_token", refresh));
            }
        }
    }

    /** Desktop 1.x: keeps working offline for days, so its old refresh token must stay valid. */
    private void renewKeepingOld(Connection db, RefreshBody body, HttpServletResponse resp) throws SQLException, IOException {
        Owner owner = lookup(db, body.refresh_token());
        if (owner == null) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String access = SyncTokens.newAccessToken(db, owner.account(), owner.device());
        String spare = SyncTokens.newRefreshToken(db, owner.account(), owner.device());
        write(resp, Map.of("access_token", access, "refresh_token", spare));
    }

    /** Web clipper: marks the presented token used (kept for the audit trail) before issuing. */
    private void exchangeMarkingUsed(Connection db, RefreshBody body, HttpServletResponse resp) throws SQLException, IOException {
        Owner owner = lookup(db, body.refresh_token());
        int marked;
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE sync_refresh_token SET expires_at = now() WHERE token_hash = ? AND expires_at > now()")) {
            ps.setString(1, SyncTokens.sha256(body.refresh_token()));
            marked = ps.executeUpdate();
        }
        if (owner == null || marked != 1) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String access = SyncTokens.newAccessToken(db, owner.account(), owner.device());
        String replacement = SyncTokens.newRefreshToken(db, owner.account(), owner.device());
        write(resp, Map.of("access_token", access, "refresh_token", replacement));
    }

    /** Mobile companion 0.x cannot store a second refresh token. */
    private void legacy(Connection db, RefreshBody body, HttpServletResponse resp) throws SQLException, IOException {
        Owner owner = lookup(db, body.refresh_token());
        if (owner == null) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String access = SyncTokens.newAccessToken(db, owner.account(), owner.device());
        write(resp, Map.of("access_token", access, "refresh_token", body.refresh_token()));
    }

    private record Owner(long account, String device) {
    }

    private static Owner lookup(Connection db, String refreshToken) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT account_id, device_id FROM sync_refresh_token WHERE token_hash = ? AND expires_at > now()")) {
            ps.setString(1, SyncTokens.sha256(refreshToken));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Owner(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    private static void write(HttpServletResponse resp, Map<String, ?> payload) throws IOException {
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writeValue(resp.getOutputStream(), payload);
    }
}
