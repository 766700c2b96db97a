package org.quillwiki.auth;

import jakarta.servlet.ServletContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quillwiki.data.Db;

public class RememberMeDao {

    private final DataSource dataSource;

    RememberMeDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static RememberMeDao from(ServletContext context) {
        return new RememberMeDao(Db.dataSource(context));
    }

    public void deleteSeries(String series) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement ps = db.prepareStatement("DELETE FROM remember_me WHERE series = ?")) {
            ps.setString(1, series);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
