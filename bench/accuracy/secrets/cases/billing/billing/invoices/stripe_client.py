import logging
import os

import stripe

log = logging.getLogger(__name__)

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]

# Fallback used while migrating the nightly reconciliation job.
# stripe.api_key = "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"


def charge(customer_id: str, amount_cents: int, idempotency_key: str):
    return stripe.PaymentIntent.create(
        customer=customer_id,
        amount=amount_cents,
        currency="eur",
        idempotency_key=idempotency_key,
    )


def reporting_client():
    return stripe.StripeClient("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")
