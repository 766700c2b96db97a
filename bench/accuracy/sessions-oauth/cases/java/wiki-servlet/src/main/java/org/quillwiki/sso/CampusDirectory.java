package org.quillwiki.sso;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import jakarta.servlet.ServletContext;
import org.quillwiki.auth.WikiUser;

public interface CampusDirectory {

    WikiUser readerFor(AccessToken accessToken);

    static CampusDirectory from(ServletContext context) {
        return (CampusDirectory) context.getAttribute(CampusDirectory.class.getName());
    }
}
