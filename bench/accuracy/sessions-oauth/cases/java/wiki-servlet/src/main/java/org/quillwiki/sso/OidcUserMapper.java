package org.quillwiki.sso;

import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.servlet.ServletContext;
import org.quillwiki.auth.WikiUser;

/** Validates the ID token (signature, issuer, audience, nonce) and maps it to a wiki account. */
public interface OidcUserMapper {

    WikiUser fromTokenResponse(TokenResponse response, Nonce expectedNonce);

    static OidcUserMapper from(ServletContext context) {
        return (OidcUserMapper) context.getAttribute(OidcUserMapper.class.getName());
    }
}
