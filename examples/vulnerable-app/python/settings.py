"""Settings for the accounts demo service."""
import os

# Falls back to a dev value whenever JWT_SECRET is unset -- i.e. in most deployments.
JWT_SECRET = os.environ.get("JWT_SECRET", "changeme")
JWT_ALGORITHM = "HS256"
JWT_TTL_SECONDS = 60 * 60 * 24 * 30  # 30 days, "so users don't get logged out"
