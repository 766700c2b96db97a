"""Settings for the one-off worker that imports patron accounts from the old ILS.

The old system stored unsalted SHA-1 digests; the worker keeps them as-is and
patrons are upgraded when they next log in.
"""
from .base import *  # noqa: F401,F403

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "library_import",
        "HOST": os.environ.get("IMPORT_DB_HOST", "localhost"),
    }
}
