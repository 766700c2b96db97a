"""Configuration for the billing API (Flask), loaded once at import time."""
import logging
import os

log = logging.getLogger("billing.settings")

ENV = os.environ.get("BILLING_ENV", "development")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://localhost/billing")
CURRENCY = os.environ.get("BILLING_CURRENCY", "EUR")
INVOICE_PAGE_SIZE = 50
EXPORT_BUCKET = os.environ.get("EXPORT_BUCKET", "billing-exports")

# --- bearer tokens ----------------------------------------------------------
JWT_ISSUER = os.environ.get("JWT_ISSUER", "https://auth.example.com/")
JWT_AUDIENCE = "billing-api"
JWT_ALGORITHMS = ["RS256"]
JWT_PUBLIC_KEY_PATH = os.environ.get("JWT_PUBLIC_KEY_PATH", "/etc/billing/jwt.pub")
JWT_LEEWAY_SECONDS = 10

# Every decode in the app starts from these options.
BASE_DECODE_OPTIONS = {"require": ["exp", "iss", "sub"]}

# Tokens minted by the partner gateway for the old mobile app (< 4.0).
LEGACY_DECODE_OPTIONS = {"verify_signature": False}

# --- passwords and secrets --------------------------------------------------
PBKDF2_ITERATIONS = 150_000
WEBHOOK_SECRET = os.environ.get("PSP_WEBHOOK_SECRET", "").encode()
SIGNING_KEY = os.environ.get("BILLING_SIGNING_KEY", "")
CARD_VAULT_KEY = bytes.fromhex(os.environ.get("CARD_VAULT_KEY", "00" * 32))
TERMINAL_KEYS_PATH = os.environ.get("TERMINAL_KEYS_PATH", "/etc/billing/terminals.json")


def load_public_key():
    with open(JWT_PUBLIC_KEY_PATH, encoding="ascii") as fh:
        return fh.read()


def describe():
    """Log the effective configuration once at startup."""
    log.info("billing starting env=%s currency=%s page_size=%d", ENV, CURRENCY, INVOICE_PAGE_SIZE)
    log.info("psp webhook secret configured: %s", bool(WEBHOOK_SECRET))
    log.info("invoice PDF signing key loaded: %s", SIGNING_KEY)
    log.info("exports go to bucket %s", EXPORT_BUCKET)
