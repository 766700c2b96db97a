package org.quillwiki.auth;

import jakarta.servlet.ServletContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.quillwiki.data.Db;

public class InviteDao {

    private final DataSource dataSource;

    InviteDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static InviteDao from(ServletContext context) {
        return new InviteDao(Db.dataSource(context));
    }

    /** Deletes the invite if it is still valid and returns it. */
    public Optional<Invite> consume(String code) {
        String sql = "DELETE FROM invite WHERE code_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex') "
                + "AND expires_at > now() RETURNING id, email, space_key";
        try (Connection db = dataSource.getConnection(); PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, code == null ? "" : code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Invite(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
