package org.quillwiki.auth;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.mindrot.jbcrypt.BCrypt;
import org.quillwiki.data.Db;

/** Change password from the account page; signs out every desktop sync client too. */
@WebServlet(urlPatterns = "/account/password")
public class PasswordServlet extends HttpServlet {

    private transient DataSource dataSource;
    private transient AccountDao accounts;

    @Override
    public void init() {
        dataSource = Db.dataSource(getServletContext());
        accounts = AccountDao.from(getServletContext());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WikiUser user = SessionSupport.currentUser(req);
        if (user == null) {
            resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (accounts.verifyPassword(user.username(), req.getParameter("current")).isEmpty()) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, "Current password is wrong");
            return;
        }
        String hash = BCrypt.hashpw(req.getParameter("password"), BCrypt.gensalt(12));
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement sessions = db.prepareStatement(
                    "UPDATE sync_session SET revoked_at = now() WHERE account_id = ? AND revoked_at IS NULL");
                 PreparedStatement refresh = db.prepareStatement(
                    "DELETE FROM sync_refresh_token WHERE account_id = ?")) {
                sessions.setLong(1, user.id());
                sessions.executeUpdate();
                refresh.setLong(1, user.id());
                refresh.executeUpdate();
            }
            accounts.updatePasswordHash(db, user.id(), hash);
            db.commit();
        } catch (SQLException e) {
            throw new IOException(e);
        }
        req.changeSessionId();
        resp.sendRedirect(req.getContextPath() + "/account?password=changed");
    }
}
