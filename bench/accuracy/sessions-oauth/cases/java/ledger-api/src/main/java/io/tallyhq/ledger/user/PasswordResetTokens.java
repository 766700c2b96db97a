package io.tallyhq.ledger.user;

import java.util.Optional;

public interface PasswordResetTokens {

    /** Marks the reset token consumed and returns the account it belongs to. */
    Optional<Long> consume(String rawToken);
}
