"""Django settings for the crm project."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "crm.example.com").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "accounts",
    "contacts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.PartnerContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "crm.urls"
WSGI_APPLICATION = "crm.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("CRM_DB_NAME", "crm"),
        "HOST": os.environ.get("CRM_DB_HOST", "localhost"),
    }
}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Partner portal tokens (python-jose), issued by the corporate IdP.
CRM_JWT = {
    "ISSUER": "https://idp.example.com/realms/partners",
    "AUDIENCE": "crm-partner-portal",
    "JWKS_PATH": BASE_DIR / "keys" / "partners.jwks.json",
}
SUPPORT_TOKEN_SECRET = os.environ.get("CRM_SUPPORT_TOKEN_SECRET", "")
EXPORT_PBKDF2_ITERATIONS = 720_000

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
TIME_ZONE = "Europe/Berlin"
USE_TZ = True
STATIC_URL = "static/"

if DEBUG:
    print(f"crm settings loaded: DEBUG={DEBUG} hasher={PASSWORD_HASHERS[0].rsplit('.', 1)[-1]}")
    print(f"support token secret: {SUPPORT_TOKEN_SECRET}")
