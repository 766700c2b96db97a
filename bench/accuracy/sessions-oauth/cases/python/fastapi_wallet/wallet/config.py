from datetime import timedelta

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WALLET_", env_file=".env")

    database_url: str = "postgresql+psycopg://wallet@localhost/wallet"
    jwt_secret: str
    session_secret: str
    access_ttl: timedelta = timedelta(minutes=10)
    refresh_ttl: timedelta = timedelta(days=7)
    bank_client_id: str = ""
    bank_client_secret: str = ""
    spa_client_id: str = ""
    mobile_client_id: str = ""
    legacy_idp_client_id: str = ""
    openbanking_client_id: str = ""
    openbanking_client_secret: str = ""
    public_base_url: str = "https://wallet.example.com"


settings = Settings()
