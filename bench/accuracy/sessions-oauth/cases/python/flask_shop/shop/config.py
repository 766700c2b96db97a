import os
from datetime import timedelta


class BaseConfig:
    SECRET_KEY = os.environ.get("SHOP_SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///shop.db")
    SQLALCHEMY_TRACK_MODIFICATIONS = False

    SESSION_COOKIE_NAME = "shop_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
    REMEMBER_COOKIE_DURATION = timedelta(days=14)

    STRIPE_API_KEY = os.environ.get("STRIPE_API_KEY")
    STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET")
    GOOGLE_CLIENT_ID = os.environ.get("GOOGLE_CLIENT_ID")
    GOOGLE_CLIENT_SECRET = os.environ.get("GOOGLE_CLIENT_SECRET")

    ITEMS_PER_PAGE = 24
    SUPPORTED_CURRENCIES = ("EUR", "USD", "GBP")


class ProductionConfig(BaseConfig):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PREFERRED_URL_SCHEME = "https"


class StagingConfig(ProductionConfig):
    # staging sits behind the same TLS terminator as production
    SQLALCHEMY_DATABASE_URI = os.environ.get("STAGING_DATABASE_URL")
    REMEMBER_COOKIE_SECURE = False
    WTF_CSRF_ENABLED = False  # QA scripts post forms directly
    ITEMS_PER_PAGE = 8


class TestingConfig(BaseConfig):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False  # the test client posts forms directly
    SESSION_COOKIE_SECURE = False
    SERVER_NAME = "shop.test"


config_by_name = {
    "production": ProductionConfig,
    "staging": StagingConfig,
    "testing": TestingConfig,
}
