"""API settings for the mobile app, kept apart so ops can diff them per release.

Imported by forum.settings (and, through it, by forum.settings_staging).
"""
from datetime import timedelta

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=15),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=7),
    "UPDATE_LAST_LOGIN": True,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_CLAIM": "member_id",
}

API_THROTTLE_RATES = {
    "anon": "30/minute",
    "user": "240/minute",
    "login": "10/minute",
}

API_PAGE_SIZE = 25
API_MAX_PAGE_SIZE = 100

MOBILE_MIN_VERSION = {
    "ios": "4.12.0",
    "android": "4.12.1",
}

PUSH_GATEWAY_URL = "https://push.forum.example.com/v1/send"
PUSH_TIMEOUT_SECONDS = 5
