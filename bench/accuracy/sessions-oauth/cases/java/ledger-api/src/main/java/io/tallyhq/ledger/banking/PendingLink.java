package io.tallyhq.ledger.banking;

public record PendingLink(long userId, String codeVerifier) {
}
