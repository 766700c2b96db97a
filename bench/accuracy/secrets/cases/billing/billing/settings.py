"""Django settings for the billing service."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-l&+u&r1gtatkznms5#yt5(dyl1--$mrc4$n)_4-p79ysjq^v6x"

DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = ["billing.internal", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "billing.invoices",
]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
PASSWORD_MIN_LENGTH = 12
CSRF_COOKIE_NAME = "billing_csrftoken"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_app",
        "PASSWORD": "Tp_VTLgRgIXnKDG7!2ru",
        "HOST": "billing-db.prod.internal",
        "PORT": "5432",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_ro",
        "PASSWORD": os.environ["BILLING_REPLICA_PASSWORD"],
        "HOST": "billing-db-ro.prod.internal",
        "PORT": "5432",
    },
}

CELERY_BROKER_URL = "redis://:3vh2AywOsPAJyViERnZ0@billing-redis.prod.internal:6379/0"

STRIPE_SECRET_KEY = "sk_live_LwlZdANz6K3vkWzSr4vpGYCM"
STRIPE_PUBLISHABLE_KEY = "pk_live_515kQdtgoxzGcgxdw7tZPICFPGlsDI6adgHIIk4gKF4LHt11URCbUp5y1RdcivzCjYiiWRQaeGXGFAzVMNW3nqUdJF2SWeZc8dt"
STRIPE_REPORTING_KEY = "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"
STRIPE_WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET")

AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID")
AWS_ACCOUNT_ID = "394868239901"
AWS_STORAGE_BUCKET_NAME = "acme-billing-invoices"
