package com.example.portal.web;

import com.auth0.jwt.interfaces.DecodedJWT;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

@WebServlet("/reports/*")
public class ReportServlet extends HttpServlet {

    private final transient ReportService reports = new ReportService();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession(false);
        if (session == null) {
            resp.sendRedirect(req.getContextPath() + "/login.jsp");
            return;
        }
        String groupBy = Optional.ofNullable(req.getParameter("groupBy")).orElse("month");
        ReportService.Builder report = reports.headcount();
        if ("role".equals(groupBy)) {
            report.groupByRole();
        }
        if (req.isUserInRole("auditor")) {
            report.includeAuditColumns();
        }
        if ("admin".equals(req.getParameter("role"))) {
            report.includeSalaries();
        }
        if ("admin".equals(session.getAttribute("role"))) {
            report.includeAdminTabs();
            if ("permissions".equals(req.getParameter("tab"))) {
                report.selectTab("permissions");
            }
        }
        resp.setContentType("text/csv");
        report.writeCsv(resp.getWriter());
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean adminCookie = false;
        for (Cookie c : Optional.ofNullable(req.getCookies()).orElse(new Cookie[0])) {
            if ("portal_admin".equals(c.getName()) && Boolean.parseBoolean(c.getValue())) {
                adminCookie = true;
            }
        }
        if (!adminCookie) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        reports.delete(req.getPathInfo());
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** Exports triggered by the finance dashboard, which forwards the user's portal token. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DecodedJWT portalToken = com.auth0.jwt.JWT.decode(req.getHeader("X-Portal-Token"));
        if (!"finance".equals(portalToken.getClaim("department").asString())) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        reports.exportPayroll(portalToken.getSubject(), resp.getOutputStream());
    }
}
