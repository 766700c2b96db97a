package io.tallyhq.ledger.console;

public interface KeyAssertionVerifier {

    /** Verifies a WebAuthn assertion against the registered credential and returns the operator name. */
    String verify(HardwareKeyLoginController.Assertion assertion);
}
