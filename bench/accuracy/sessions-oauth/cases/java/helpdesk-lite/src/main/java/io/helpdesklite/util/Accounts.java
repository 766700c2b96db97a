package io.helpdesklite.util;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.servlet.ServletContext;
import javax.sql.DataSource;

/** Password checks for customers and agents (bcrypt hashes). */
public final class Accounts {

    public static final class Principal implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public final long id;
        public final String email;
        public final String kind;

        Principal(long id, String email, String kind) {
            this.id = id;
            this.email = email;
            this.kind = kind;
        }
    }

    private final DataSource dataSource;

    private Accounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Accounts from(ServletContext context) {
        return new Accounts((DataSource) context.getAttribute(AppBootstrap.DATA_SOURCE));
    }

    public static Principal customer(long id, String email) {
        return new Principal(id, email, "customer");
    }

    public Optional<Principal> verify(String table, String email, String password) {
        if (!"customer".equals(table) && !"agent".equals(table)) {
            throw new IllegalArgumentException(table);
        }
        String sql = "SELECT id, pwd_hash FROM " + table + " WHERE email = ?";
        try (Connection db = dataSource.getConnection(); PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && BCrypt.verifyer().verify(password.toCharArray(), rs.getString(2)).verified) {
                    return Optional.of(new Principal(rs.getLong(1), email, table));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Optional.empty();
    }
}
