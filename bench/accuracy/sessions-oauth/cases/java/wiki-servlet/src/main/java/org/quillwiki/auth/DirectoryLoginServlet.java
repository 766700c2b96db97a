package org.quillwiki.auth;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.InitialDirContext;

/** Sign-in against the company directory for installations without SSO. */
@WebServlet(urlPatterns = "/login/directory")
public class DirectoryLoginServlet extends HttpServlet {

    private transient String ldapUrl;
    private transient String userDnPattern;
    private transient AccountDao accounts;

    @Override
    public void init() {
        ldapUrl = System.getenv("QW_LDAP_URL");
        userDnPattern = System.getenv().getOrDefault("QW_LDAP_USER_DN", "uid=%s,ou=people,dc=example,dc=org");
        accounts = AccountDao.from(getServletContext());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String uid = req.getParameter("uid");
        String password = req.getParameter("password");
        if (uid == null || !uid.matches("[a-z0-9._-]{1,64}") || password == null || password.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (!bind(String.format(userDnPattern, uid), password)) {
            resp.sendRedirect(req.getContextPath() + "/login?error=directory");
            return;
        }
        WikiUser user = accounts.findOrProvision(uid);
        HttpSession session = req.getSession();
        session.setAttribute(SessionSupport.USER_KEY, user);
        resp.sendRedirect(req.getContextPath() + "/");
    }

    private boolean bind(String dn, String password) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, ldapUrl);
        env.put(Context.SECURITY_AUTHENTICATION, "simple");
        env.put(Context.SECURITY_PRINCIPAL, dn);
        env.put(Context.SECURITY_CREDENTIALS, password);
        try {
            new InitialDirContext(env).close();
            return true;
        } catch (NamingException e) {
            return false;
        }
    }
}
