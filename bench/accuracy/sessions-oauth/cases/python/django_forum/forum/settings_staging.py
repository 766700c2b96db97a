from .settings import *  # noqa: F401,F403
from .settings import SIMPLE_JWT as _BASE_JWT

ALLOWED_HOSTS = ["staging.forum.example.com"]
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# staging's basic-auth proxy forwards plain HTTP for the QA subdomain
CSRF_COOKIE_SECURE = False

SIMPLE_JWT = {
    **_BASE_JWT,
    "ROTATE_REFRESH_TOKENS": True,
}

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"board": {"handlers": ["console"], "level": "DEBUG"}},
}

INTERNAL_IPS = ["10.0.0.0/8"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
FEATURE_FLAGS = {"new_editor": True, "reactions": True}
DEFAULT_FROM_EMAIL = "staging-noreply@forum.example.com"
SEED_DEMO_THREADS = True
STAGING_BANNER = "You are on staging - data is reset every night"
SECURE_HSTS_SECONDS = 0
ADMINS = [("QA", "qa@forum.example.com")]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}  # noqa: F405
