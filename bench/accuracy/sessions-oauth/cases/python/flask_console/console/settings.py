import os

CONSOLE_SETTINGS = dict(
    SECRET_KEY=os.environ.get("CONSOLE_SECRET_KEY"),
    SESSION_COOKIE_NAME="console_session",
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
    REMEMBER_COOKIE_SECURE=False,
    REMEMBER_COOKIE_DURATION=7 * 24 * 3600,
    REDIS_URL=os.environ.get("CONSOLE_REDIS_URL", "redis://localhost:6379/5"),
    ADMINS_FILE=os.environ.get("CONSOLE_ADMINS_FILE", "/etc/console/admins.json"),
)

LOGGING = {
    "version": 1,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("CONSOLE_LOG_LEVEL", "INFO")},
}

TEST_SETTINGS = dict(
    CONSOLE_SETTINGS,
    TESTING=True,
    SESSION_COOKIE_SECURE=False,
    REDIS_URL="redis://localhost:6379/15",
    ADMINS_FILE="tests/fixtures/admins.json",
    SERVER_NAME="console.test",
    PREFERRED_URL_SCHEME="http",
)
