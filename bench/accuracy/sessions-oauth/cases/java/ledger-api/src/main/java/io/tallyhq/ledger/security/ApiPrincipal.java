package io.tallyhq.ledger.security;

/** The authenticated caller of an API request: account id plus the access token's jti. */
public record ApiPrincipal(long userId, String tokenId) {
}
