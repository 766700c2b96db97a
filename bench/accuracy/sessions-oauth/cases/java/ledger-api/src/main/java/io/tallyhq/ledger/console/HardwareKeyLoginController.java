package io.tallyhq.ledger.console;

import static org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators on the trading floor sign in to the console with a security key (WebAuthn
 * assertion verified by KeyAssertionVerifier) instead of the login form.
 */
@RestController
@RequestMapping("/console/login/key")
public class HardwareKeyLoginController {

    private final KeyAssertionVerifier verifier;

    public HardwareKeyLoginController(KeyAssertionVerifier verifier) {
        this.verifier = verifier;
    }

    public record Assertion(String credentialId, String clientDataJson, String authenticatorData, String signature) {
    }

    @PostMapping
    public ResponseEntity<Void> signIn(@RequestBody Assertion assertion, HttpServletRequest request) {
        String operator = verifier.verify(assertion);
        SecurityContext context = contextFor(operator);
        HttpSession session = request.getSession();
        session.setAttribute(SPRING_SECURITY_CONTEXT_KEY, context);
        return ResponseEntity.noContent().build();
    }

    /** Break-glass path used by the on-call lead; same key check, fresh session id. */
    @PostMapping("/break-glass")
    public ResponseEntity<Void> breakGlass(@RequestBody Assertion assertion, HttpServletRequest request) {
        String operator = verifier.verify(assertion);
        request.getSession();
        request.changeSessionId();
        request.getSession().setAttribute(SPRING_SECURITY_CONTEXT_KEY, contextFor(operator));
        return ResponseEntity.noContent().build();
    }

    private static SecurityContext contextFor(String operator) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(operator, null,
                AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        return context;
    }
}
