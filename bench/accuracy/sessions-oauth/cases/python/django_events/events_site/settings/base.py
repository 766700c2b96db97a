import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
SECRET_KEY = os.environ.get("EVENTS_SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = ["events.example.org"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "tickets",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "events_site.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": os.environ.get("EVENTS_DB", "events")}}

SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=30),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=3),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": False,
}

STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET")
EVENTBRITE_CLIENT_ID = os.environ.get("EVENTBRITE_CLIENT_ID")
EVENTBRITE_CLIENT_SECRET = os.environ.get("EVENTBRITE_CLIENT_SECRET")
VENUE_SSO_CLIENT_ID = os.environ.get("VENUE_SSO_CLIENT_ID")
MEETUP_CLIENT_ID = os.environ.get("MEETUP_CLIENT_ID")
MEETUP_CLIENT_SECRET = os.environ.get("MEETUP_CLIENT_SECRET")
CHECKIN_JWT_KEY = os.environ.get("CHECKIN_JWT_KEY")
STATIC_URL = "/static/"
