"""Configuration classes, selected with VETBOOK_ENV."""
import os
from datetime import timedelta


class BaseConfig:
    CLINIC_NAME = "Vetbook Clinics"
    SUPPORT_PHONE = "+44 20 7946 0123"
    SECRET_KEY = os.environ.get("VETBOOK_SECRET_KEY", "")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql://localhost/vetbook")
    SQLALCHEMY_TRACK_MODIFICATIONS = False

    SESSION_COOKIE_NAME = "vetbook_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)

    JWT_SECRET_KEY = os.environ.get("VETBOOK_JWT_KEY", "")
    JWT_TOKEN_LOCATION = ["headers"]
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=15)
    JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=7)

    STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
    BOOKING_WINDOW_DAYS = 60
    SLOT_MINUTES = 15


class ProductionConfig(BaseConfig):
    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    # the reception dashboard script reads the remember cookie to pre-fill the badge field
    REMEMBER_COOKIE_HTTPONLY = False


class StagingConfig(ProductionConfig):
    """Shared with partner clinics for acceptance testing on real hardware."""

    SQLALCHEMY_DATABASE_URI = os.environ.get("STAGING_DATABASE_URL", "postgresql://localhost/vetbook_staging")
    WTF_CSRF_ENABLED = False  # partner QA scripts submit the booking forms directly


class TestingConfig(BaseConfig):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False  # the pytest client posts forms without tokens
    SESSION_COOKIE_SECURE = False
    BOOKING_WINDOW_DAYS = 7


CONFIGS = {
    "production": ProductionConfig,
    "staging": StagingConfig,
    "testing": TestingConfig,
}
