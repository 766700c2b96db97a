package org.quillwiki.sync;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quillwiki.data.Db;

/**
 * Authenticates /api/sync/* with an opaque bearer token. Tokens are looked up in
 * sync_session on every request, so a revoked or deleted row stops working at once.
 */
public class SyncAuthFilter extends HttpFilter {

    public static final String ACCOUNT_ATTR = "qw.sync.account";
    public static final String SESSION_ATTR = "qw.sync.sessionHash";

    private transient DataSource dataSource;

    @Override
    public void init() {
        dataSource = Db.dataSource(getServletContext());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getPathInfo() != null && req.getPathInfo().startsWith("/token/")) {
            chain.doFilter(req, res);
            return;
        }
        String header = req.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String hash = SyncTokens.sha256(header.substring(7));
        try (Connection db = dataSource.getConnection();
             PreparedStatement ps = db.prepareStatement(
                     "SELECT account_id FROM sync_session WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > now()")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    return;
                }
                req.setAttribute(ACCOUNT_ATTR, rs.getLong(1));
                req.setAttribute(SESSION_ATTR, hash);
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        chain.doFilter(req, res);
    }
}
