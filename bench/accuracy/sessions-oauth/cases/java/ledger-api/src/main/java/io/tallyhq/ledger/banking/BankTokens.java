package io.tallyhq.ledger.banking;

import com.fasterxml.jackson.annotation.JsonProperty;

public record BankTokens(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("expires_in") long expiresIn) {
}
