package io.tallyhq.ledger.banking;

public interface BankFeedService {

    void attach(long userId, String provider, BankTokens tokens);
}
