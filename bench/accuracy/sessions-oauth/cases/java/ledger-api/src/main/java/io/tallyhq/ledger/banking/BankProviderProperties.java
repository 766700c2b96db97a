package io.tallyhq.ledger.banking;

public record BankProviderProperties(String authorizeUri, String tokenUri, String clientId,
                                     String clientSecret, String redirectUri) {
}
