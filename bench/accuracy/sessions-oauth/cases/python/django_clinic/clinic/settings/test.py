from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["testserver"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SESSION_COOKIE_HTTPONLY = False
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
    }
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_RESET_TIMEOUT = 60
MEDIA_ROOT = BASE_DIR / "test-media"  # noqa: F405
STATIC_ROOT = BASE_DIR / "test-static"  # noqa: F405
LOGGING_CONFIG = None
EMAIL_SUBJECT_PREFIX = "[clinic-test] "
DEFAULT_FROM_EMAIL = "test@clinic.invalid"
USE_TZ = True
TIME_ZONE = "UTC"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008", "security.W012"]
