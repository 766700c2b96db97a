package com.example.shop.service;

import java.math.BigDecimal;

/**
 * Write operations of the back office. Implemented by {@code JpaCatalogAdminService}.
 * Every method runs in its own transaction and publishes a domain event that the
 * search indexer and the audit log consume.
 */
public interface CatalogAdminService {

    /** Sets a manual price that wins over the pricing engine until cleared. */
    void overridePrice(String sku, BigDecimal price);

    /** Drops a manual price so the pricing engine applies again. */
    void clearPriceOverride(String sku);

    /** Refunds part or all of an order through the payment provider. */
    void refund(long orderId, BigDecimal amount);

    /** Removes a product review and notifies its author. */
    void deleteReview(long reviewId);

    /** True when the order was placed by the given customer. */
    boolean orderBelongsTo(long orderId, String username);

    /** Cancels an order that has not shipped yet. */
    void cancel(long orderId);

    /** Adds a product to the home-page featured pool. */
    void feature(String sku);
}
