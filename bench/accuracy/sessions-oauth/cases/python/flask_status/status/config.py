import json
import os


class Config:
    SECRET_KEY = os.environ.get("STATUS_SECRET_KEY")
    OPERATORS = json.loads(os.environ.get("STATUS_OPERATORS", "{}"))  # name -> bcrypt hash
    INCIDENTS_FILE = os.environ.get("STATUS_INCIDENTS_FILE", "/var/lib/status/incidents.json")

    SESSION_COOKIE_NAME = "status_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Strict"
    SESSION_COOKIE_SECURE = False  # TLS ends at the load balancer, which talks plain HTTP to us

    # forms are checked only where we call csrf.protect() ourselves
    WTF_CSRF_CHECK_DEFAULT = False

    INCIDENT_TITLE_MAX = 120
    PUBLIC_HISTORY_DAYS = 90
    SUBSCRIBER_MAIL_FROM = os.environ.get("STATUS_MAIL_FROM", "status@example.com")
    SMTP_HOST = os.environ.get("STATUS_SMTP_HOST", "localhost")
    SMTP_PORT = int(os.environ.get("STATUS_SMTP_PORT", "587"))


class TestConfig(Config):
    TESTING = True
    OPERATORS = {}
    INCIDENTS_FILE = "/tmp/status-test-incidents.json"
    WTF_CSRF_ENABLED = False
    SESSION_COOKIE_SECURE = False  # the test client talks plain HTTP
