package io.helpdesklite.web;

import io.helpdesklite.util.AppBootstrap;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/** Tracks clicks on links inside ticket notification e-mails, then forwards the reader. */
@WebServlet("/l")
public class LinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String ticket = req.getParameter("t");
        if (ticket != null && ticket.matches("\\d{1,10}")) {
            recordClick(Long.parseLong(ticket), req.getHeader("User-Agent"));
        }
        resp.sendRedirect(req.getParameter("url"));
    }

    private void recordClick(long ticketId, String userAgent) {
        DataSource ds = (DataSource) getServletContext().getAttribute(AppBootstrap.DATA_SOURCE);
        try (Connection db = ds.getConnection();
             PreparedStatement ps = db.prepareStatement(
                     "INSERT INTO notification_click (ticket_id, user_agent, clicked_at) VALUES (?, ?, NOW())")) {
            ps.setLong(1, ticketId);
            ps.setString(2, userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 255)));
            ps.executeUpdate();
        } catch (SQLException e) {
            getServletContext().log("could not record notification click", e);
        }
    }
}
