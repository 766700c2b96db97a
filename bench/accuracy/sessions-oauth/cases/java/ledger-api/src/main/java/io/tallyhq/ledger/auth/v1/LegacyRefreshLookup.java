package io.tallyhq.ledger.auth.v1;

import io.tallyhq.ledger.user.UserAccount;
import java.time.Instant;
import java.util.Optional;

public interface LegacyRefreshLookup {

    Optional<UserAccount> userForUsableToken(String refreshToken, Instant now);
}
