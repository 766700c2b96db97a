"""Settings for the inventory service (pydantic-settings, env prefix INV_)."""
import logging

from pydantic_settings import BaseSettings, SettingsConfigDict

logger = logging.getLogger("inventory.config")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INV_", env_file=".env")

    database_url: str = "postgresql+psycopg://localhost/inventory"
    jwt_issuer: str = "https://id.example.net/"
    jwt_audience: str = "inventory"
    jwks_url: str = "https://id.example.net/.well-known/jwks.json"
    service_token_secret: str = ""
    internal_api_key: str = ""
    erp_base_url: str = "https://erp.internal/api/v2"
    upstream_mirrors: list[str] = ["https://mirror-a.internal", "https://mirror-b.internal"]
    metrics_sample_rate: float = 0.05
    kiosk_session_minutes: int = 480


settings = Settings()

# Options shared by the service-token decoders.
DECODE_OPTIONS = {"require": ["exp", "iss", "sub"]}
DEVICE_DECODE_OPTIONS = {**DECODE_OPTIONS, "verify_iss": False}


def mask(value: str) -> str:
    if not value:
        return "<unset>"
    return value[:3] + "*" * max(0, len(value) - 3)


def log_settings() -> None:
    logger.info("inventory erp=%s mirrors=%d", settings.erp_base_url, len(settings.upstream_mirrors))
    logger.info("internal api key: %s", mask(settings.internal_api_key))
    logger.debug("service token secret=%s", settings.service_token_secret)
    logger.info("kiosk sessions last %d minutes", settings.kiosk_session_minutes)
