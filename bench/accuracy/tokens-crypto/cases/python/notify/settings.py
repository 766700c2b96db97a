"""Settings of the notify service (push + websocket fan-out)."""
import logging
import os

logger = logging.getLogger("notify.settings")

JWT_ISSUER = os.environ.get("NOTIFY_JWT_ISSUER", "https://accounts.example.io/")
JWT_AUDIENCE = "notify"
JWT_ALGORITHMS = ["ES256"]
REQUIRED_CLAIMS = ["exp", "iss", "sub"]
DECODE_OPTIONS = {"require": REQUIRED_CLAIMS}

# Device push registrations live for months; the mobile team asked to keep old ones working.
PUSH_TOKEN_OPTIONS = {"require": ["exp", "iss"], "verify_exp": False}

PUBLIC_KEYS_DIR = os.environ.get("NOTIFY_KEYS_DIR", "/etc/notify/keys")
PARTNER_HMAC_SECRET = os.environ.get("NOTIFY_PARTNER_SECRET", "")
VAPID_PRIVATE_KEY = os.environ.get("NOTIFY_VAPID_PRIVATE_KEY", "")
VAPID_SUBJECT = "mailto:push@example.io"
MAX_CONNECTIONS_PER_USER = 5
FANOUT_WORKERS = int(os.environ.get("NOTIFY_FANOUT_WORKERS", "4"))


def check_settings():
    """Fail fast on a broken deployment; called from the app factory."""
    if not PARTNER_HMAC_SECRET:
        raise RuntimeError("NOTIFY_PARTNER_SECRET is not set")
    if len(PARTNER_HMAC_SECRET) < 32:
        raise RuntimeError(f"NOTIFY_PARTNER_SECRET must be at least 32 characters, got {len(PARTNER_HMAC_SECRET)}")
    logger.info("notify issuer=%s workers=%d max_conn=%d", JWT_ISSUER, FANOUT_WORKERS, MAX_CONNECTIONS_PER_USER)
    logger.debug("web push configured with VAPID key %s for %s", VAPID_PRIVATE_KEY, VAPID_SUBJECT)
