import os
from dataclasses import dataclass, field


def _origins():
    raw = os.environ.get("FLEETLOG_CORS_ORIGINS", "https://dispatch.fleetlog.example")
    return [o.strip() for o in raw.split(",") if o.strip()]


@dataclass(frozen=True)
class Settings:
    database_url: str = os.environ.get("DATABASE_URL", "postgresql+psycopg://localhost/fleetlog")
    jwt_secret: str = os.environ.get("FLEETLOG_JWT_SECRET", "")
    jwt_issuer: str = "https://api.fleetlog.example"
    access_minutes: int = 15
    refresh_days: int = 7
    log_level: str = os.environ.get("LOG_LEVEL", "INFO")
    expose_docs: bool = os.environ.get("FLEETLOG_DOCS") == "1"
    cors_origins: list = field(default_factory=_origins)


settings = Settings()
