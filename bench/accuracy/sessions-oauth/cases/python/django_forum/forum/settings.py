import os
from pathlib import Path

from .jwt_settings import SIMPLE_JWT  # noqa: F401

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("FORUM_SECRET_KEY")
DEBUG = os.environ.get("FORUM_DEBUG") == "1"
ALLOWED_HOSTS = ["forum.example.com", "www.forum.example.com"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "board",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "board.middleware.LastSeenMiddleware",
]

ROOT_URLCONF = "forum.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("FORUM_DB", "forum"),
        "USER": os.environ.get("FORUM_DB_USER", "forum"),
        "PASSWORD": os.environ.get("FORUM_DB_PASSWORD"),
        "HOST": os.environ.get("FORUM_DB_HOST", "db"),
    }
}

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_HTTPONLY = False
SESSION_COOKIE_SAMESITE = None
CSRF_COOKIE_SECURE = True

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
}

REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")
GITHUB_CLIENT_ID = os.environ.get("GITHUB_CLIENT_ID")
GITHUB_CLIENT_SECRET = os.environ.get("GITHUB_CLIENT_SECRET")
DISCORD_CLIENT_ID = os.environ.get("DISCORD_CLIENT_ID")
DISCORD_CLIENT_SECRET = os.environ.get("DISCORD_CLIENT_SECRET")

STATIC_URL = "/static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
