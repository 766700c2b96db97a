package org.quillwiki.auth;

import jakarta.servlet.ServletContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.mindrot.jbcrypt.BCrypt;
import org.quillwiki.data.Db;

public class AccountDao {

    private final DataSource dataSource;

    AccountDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static AccountDao from(ServletContext context) {
        return new AccountDao(Db.dataSource(context));
    }

    public Optional<WikiUser> verifyPassword(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        String sql = "SELECT id, username, display_name, is_admin, password_hash FROM account WHERE username = ?";
        try (Connection db = dataSource.getConnection(); PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && BCrypt.checkpw(password, rs.getString("password_hash"))) {
                    return Optional.of(new WikiUser(rs.getLong("id"), rs.getString("username"),
                            rs.getString("display_name"), rs.getBoolean("is_admin")));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public WikiUser createFromInvite(Invite invite, String password) {
        String sql = "INSERT INTO account (username, display_name, password_hash) VALUES (?, ?, ?) RETURNING id";
        try (Connection db = dataSource.getConnection(); PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, invite.email());
            ps.setString(2, invite.email());
            ps.setString(3, BCrypt.hashpw(password, BCrypt.gensalt(12)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new WikiUser(rs.getLong(1), invite.email(), invite.email(), false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void updatePasswordHash(Connection db, long accountId, String hash) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE account SET password_hash = ?, password_changed_at = now() WHERE id = ?")) {
            ps.setString(1, hash);
            ps.setLong(2, accountId);
            ps.executeUpdate();
        }
    }

    /** Returns the account for a directory uid, creating a passwordless one on first sign-in. */
    public WikiUser findOrProvision(String uid) {
        String sql = "INSERT INTO account (username, display_name, password_hash) VALUES (?, ?, '!') "
                + "ON CONFLICT (username) DO UPDATE SET username = EXCLUDED.username "
                + "RETURNING id, username, display_name, is_admin";
        try (Connection db = dataSource.getConnection(); PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, uid);
            ps.setString(2, uid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new WikiUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void recordLogin(long accountId) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement ps = db.prepareStatement("UPDATE account SET last_login_at = now() WHERE id = ?")) {
            ps.setLong(1, accountId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
