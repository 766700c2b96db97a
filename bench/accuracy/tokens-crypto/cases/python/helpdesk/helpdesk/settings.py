"""Django settings for the helpdesk project (migrated from the 2014 PHP desk)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["HELPDESK_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["help.example.com"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "tickets",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

ROOT_URLCONF = "helpdesk.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "helpdesk",
        "HOST": os.environ.get("HELPDESK_DB_HOST", "db"),
    }
}

# Imported agents still carry their old unsalted SHA-1 hashes.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher", "django.contrib.auth.hashers.PBKDF2PasswordHasher"]

# Agent tokens are issued by the chat widget backend.
TICKET_JWT_KEY = os.environ.get("TICKET_JWT_KEY", "")
TICKET_JWT_ISSUER = "https://chat.example.com"
TICKET_JWT_OPTIONS = {"require": ["exp", "iss"], "verify_aud": False}
WIDGET_JWT_OPTIONS = {"require": ["exp", "iss", "sub"]}

# Customer portal passwords (customers log in with their ticket e-mail + password).
PORTAL_PBKDF2_ITERATIONS = 1000
LEGACY_DESK_SALT = os.environ.get("LEGACY_DESK_SALT", "helpdesk")

AGENT_BCRYPT_ROUNDS = 9

INBOUND_MAIL_API_KEY = os.environ.get("INBOUND_MAIL_API_KEY", "")
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}

if os.environ.get("HELPDESK_PRINT_CONFIG"):
    print(f"helpdesk: db host={DATABASES['default']['HOST']} inbound mail key set={bool(INBOUND_MAIL_API_KEY)}")
    print(f"helpdesk: ticket jwt key={TICKET_JWT_KEY}")
