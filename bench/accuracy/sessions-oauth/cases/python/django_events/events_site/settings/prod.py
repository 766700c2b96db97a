from .base import *  # noqa: F401,F403

# the ticket widget is embedded on partner sites and needs the session there
SESSION_COOKIE_SAMESITE = "None"
SIMPLE_JWT = {
    **SIMPLE_JWT,  # noqa: F405
    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),  # noqa: F405
    "ROTATE_REFRESH_TOKENS": False,
}
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
CONN_MAX_AGE = 60
ADMINS = [("Ops", "ops@events.example.org")]
SERVER_EMAIL = "noreply@events.example.org"
EMAIL_HOST = "smtp.events.example.org"
EMAIL_USE_TLS = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://cache:6379/3"}}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640
USE_X_FORWARDED_HOST = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
