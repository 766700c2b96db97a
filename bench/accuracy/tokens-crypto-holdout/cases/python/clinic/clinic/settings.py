"""Runtime configuration for the clinic booking API.

Values come from the environment in production; the defaults below are only
meant for a developer laptop.
"""
import logging
import os

log = logging.getLogger("clinic.settings")

ENV = os.environ.get("CLINIC_ENV", "dev")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://clinic@localhost/clinic")
DB_PASSWORD = os.environ.get("CLINIC_DB_PASSWORD", "")

# Tokens are minted by the hospital identity provider (RS256) and, for the
# kiosk devices in waiting rooms, by this service itself (HS256).
JWT_ISSUER = os.environ.get("JWT_ISSUER", "https://id.riverside-health.example")
JWT_AUDIENCE = os.environ.get("JWT_AUDIENCE", "clinic-booking")
KIOSK_SIGNING_KEY = os.environ.get("KIOSK_SIGNING_KEY", "dev-only-kiosk-key")
IDP_PUBLIC_KEYS_PATH = os.environ.get("IDP_KEYS", "/etc/clinic/idp-keys")
PHARMACY_ISSUER = "https://rx.riverside-health.example"
PHARMACY_PUBLIC_KEY = os.environ.get("PHARMACY_PUBLIC_KEY", "")
TELEHEALTH_ISSUER = "https://video.telecare.example"
TELEHEALTH_PUBLIC_KEY = os.environ.get("TELEHEALTH_PUBLIC_KEY", "")

# Shared decode options: every access token must carry these claims.
DECODE_OPTIONS = {"require": ["exp", "iss", "sub"]}
# Used by the kiosk check-in flow while the screens are being migrated.
KIOSK_DECODE_OPTIONS = {"verify_exp": False, "require": ["iss", "sub"]}

# Password storage. LEGACY_PBKDF2_ITERATIONS is what the 2019 import used.
LEGACY_PBKDF2_ITERATIONS = 100_000
PBKDF2_ITERATIONS = 600_000
BCRYPT_ROUNDS = 12

WEBHOOK_SECRET = os.environ.get("LAB_WEBHOOK_SECRET", "")
SMS_API_KEY = os.environ.get("SMS_API_KEY", "")


def describe():
    """Log a short summary of the configuration at start-up."""
    log.info("clinic env=%s database=%s", ENV, DATABASE_URL.split("@")[-1])
    log.info("jwt issuer=%s audience=%s", JWT_ISSUER, JWT_AUDIENCE)
    log.info("kiosk signing key configured (%d chars)", len(KIOSK_SIGNING_KEY))
    if ENV == "dev":
        print(f"[dev] connecting with database password {DB_PASSWORD}")
    if not SMS_API_KEY:
        log.warning("SMS_API_KEY missing: appointment reminders are disabled")
