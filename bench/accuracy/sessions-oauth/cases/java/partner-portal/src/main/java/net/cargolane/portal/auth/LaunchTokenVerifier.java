package net.cargolane.portal.auth;

import org.springframework.security.core.Authentication;

public interface LaunchTokenVerifier {

    /** Verifies signature, audience and one-time use of a partner launch token. */
    Authentication verify(String launchToken);
}
