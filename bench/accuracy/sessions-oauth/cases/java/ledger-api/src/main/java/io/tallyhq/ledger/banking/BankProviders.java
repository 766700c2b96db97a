package io.tallyhq.ledger.banking;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "ledger.banking")
public record BankProviders(Map<String, BankProviderProperties> providers) {

    public BankProviderProperties get(String name) {
        BankProviderProperties p = providers.get(name);
        if (p == null) {
            throw new IllegalStateException("no bank provider configured: " + name);
        }
        return p;
    }
}
