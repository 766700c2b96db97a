"""Django settings shared by every deployment of the county library loan service."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "loans.countylibrary.example").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "accounts",
    "catalog",
    "loans",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]

# Single sign-on with the county's identity service.
COUNTY_SSO_ISSUER = "https://sso.county.example/realms/library"
COUNTY_SSO_AUDIENCE = "library-loans"
COUNTY_SSO_JWKS_URL = COUNTY_SSO_ISSUER + "/protocol/openid-connect/certs"

# Inter-library loan partners sign their requests with their own keys.
ILL_PARTNER_KEYS_DIR = BASE_DIR / "partner-keys"
ILL_ISSUER_PREFIX = "https://ill.consortium.example/"
CONSORTIUM_TOKEN = os.environ.get("CONSORTIUM_TOKEN", "")
CONSORTIUM_EXPORT_KEY = bytes.fromhex(os.environ.get("CONSORTIUM_EXPORT_KEY", ""))

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
