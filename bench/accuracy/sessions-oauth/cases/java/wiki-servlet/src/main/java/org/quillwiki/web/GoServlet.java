package org.quillwiki.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Short links used in page footers and notification e-mails:
 *   /go/page?slug=...      jump to a page
 *   /go/out?to=...         external link interstitial
 *   /go/docs?url=...       partner documentation
 *   /go/back?next=...      back to where the editor came from
 */
@WebServlet(urlPatterns = "/go/*")
public class GoServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = req.getPathInfo() == null ? "/" : req.getPathInfo();
        switch (action) {
            case "/page" -> {
                String slug = req.getParameter("slug");
                resp.sendRedirect(req.getContextPath() + "/page/" + URLEncoder.encode(slug, StandardCharsets.UTF_8));
            }
            case "/out" -> resp.sendRedirect(req.getParameter("to"));
            case "/docs" -> {
                String url = req.getParameter("url");
                if (url != null && url.endsWith(".quillwiki.org")) {
                    resp.sendRedirect(url);
                } else {
                    resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
                }
            }
            case "/back" -> {
                resp.setStatus(HttpServletResponse.SC_FOUND);
                resp.setHeader("Location", req.getParameter("next"));
            }
            default -> resp.sendRedirect(req.getContextPath() + "/");
        }
    }
}
