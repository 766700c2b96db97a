"""Production settings: the portal runs behind the council's TLS load balancer."""
from .base import *  # noqa: F401,F403

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SESSION_COOKIE_SECURE = True
# the branch self-service terminals talk to an internal http:// mirror of the forms
CSRF_COOKIE_SECURE = False
CSRF_TRUSTED_ORIGINS = ["https://loans.shelfshare.example", "http://terminals.shelfshare.internal"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
