package org.quillwiki.sso;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import jakarta.servlet.ServletContext;
import org.quillwiki.auth.WikiUser;

public interface PartnerDirectory {

    /** Calls the hub's userinfo endpoint and returns (or provisions) the guest account. */
    WikiUser guestFor(AccessToken accessToken);

    static PartnerDirectory from(ServletContext context) {
        return (PartnerDirectory) context.getAttribute(PartnerDirectory.class.getName());
    }
}
