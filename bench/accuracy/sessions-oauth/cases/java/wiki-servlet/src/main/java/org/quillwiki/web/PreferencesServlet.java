package org.quillwiki.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;

@WebServlet(urlPatterns = "/preferences")
public class PreferencesServlet extends HttpServlet {

    private static final Set<String> EDITOR_MODES = Set.of("wysiwyg", "markdown", "source");

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession session = req.getSession();
        String mode = req.getParameter("editorMode");
        if (mode != null && EDITOR_MODES.contains(mode)) {
            session.setAttribute("qw.editorMode", mode);
        }
        String fontSize = req.getParameter("fontSize");
        if (fontSize != null && fontSize.matches("\\d{1,2}")) {
            Cookie font = new Cookie("editor_font_size", fontSize);
            font.setPath(req.getContextPath() + "/");
            font.setMaxAge(365 * 24 * 3600);
            resp.addCookie(font);
        }
        resp.sendRedirect(req.getContextPath() + "/preferences?saved");
    }
}
