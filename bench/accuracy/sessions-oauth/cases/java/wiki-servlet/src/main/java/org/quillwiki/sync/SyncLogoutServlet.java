package org.quillwiki.sync;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quillwiki.data.Db;

@WebServlet(urlPatterns = "/api/sync/logout")
public class SyncLogoutServlet extends HttpServlet {

    private transient DataSource dataSource;

    @Override
    public void init() {
        dataSource = Db.dataSource(getServletContext());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String sessionHash = (String) req.getAttribute(SyncAuthFilter.SESSION_ATTR);
        long account = (Long) req.getAttribute(SyncAuthFilter.ACCOUNT_ATTR);
        String device = req.getParameter("device");
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement revoke = db.prepareStatement(
                    "UPDATE sync_session SET revoked_at = now() WHERE token_hash = ?")) {
                revoke.setString(1, sessionHash);
                revoke.executeUpdate();
            }
            try (PreparedStatement drop = db.prepareStatement(
                    "DELETE FROM sync_refresh_token WHERE account_id = ? AND device_id = ?")) {
                drop.setLong(1, account);
                drop.setString(2, device);
                drop.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            throw new IOException(e);
        }
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
