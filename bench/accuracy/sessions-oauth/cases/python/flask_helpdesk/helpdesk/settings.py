import os
from datetime import timedelta

import redis


class Config:
    SECRET_KEY = os.environ.get("HELPDESK_SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("HELPDESK_DATABASE_URL")

    SESSION_TYPE = "redis"
    SESSION_REDIS = redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    SESSION_PERMANENT = True
    PERMANENT_SESSION_LIFETIME = timedelta(hours=10)
    SESSION_COOKIE_NAME = "hd_session"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # the live-chat bubble reads the session id to open its websocket
    SESSION_COOKIE_HTTPONLY = False

    REMEMBER_COOKIE_NAME = "hd_remember"
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = False

    WTF_CSRF_TIME_LIMIT = 4 * 3600

    SLACK_CLIENT_ID = os.environ.get("SLACK_CLIENT_ID")
    SLACK_CLIENT_SECRET = os.environ.get("SLACK_CLIENT_SECRET")
    INBOUND_MAIL_SECRET = os.environ.get("INBOUND_MAIL_SECRET", "")
    CHAT_JWT_KEY = os.environ.get("CHAT_JWT_KEY")


class TestConfig(Config):
    TESTING = True
    SESSION_TYPE = "filesystem"
    SESSION_REDIS = None
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    REMEMBER_COOKIE_SECURE = False
