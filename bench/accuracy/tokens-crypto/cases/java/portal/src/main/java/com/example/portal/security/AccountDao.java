package com.example.portal.security;

import com.example.portal.security.PasswordHasher.Account;
import jakarta.servlet.ServletContext;
import java.util.List;

/**
 * Access to the ACCOUNTS table. The JDBC implementation is registered as a
 * servlet-context attribute by {@code PortalStartupListener}.
 */
public interface AccountDao {

    String CONTEXT_ATTRIBUTE = "portal.accountDao";

    static AccountDao fromContext(ServletContext context) {
        return (AccountDao) context.getAttribute(CONTEXT_ATTRIBUTE);
    }

    Account findByUsername(String username);

    Account findByEmail(String email);

    Account findById(String id);

    List<Account> findByDepartment(String department);

    void updatePasswordHash(String accountId, String newHash);

    void updateAvatar(String accountId, byte[] png);
}
