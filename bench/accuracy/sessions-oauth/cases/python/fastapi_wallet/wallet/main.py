import logging

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware.sessions import SessionMiddleware

from .config import settings
from .integrations import accounting
from .routers import admin, auth, partners, recovery, sso, web

logging.basicConfig(level=logging.INFO)

app = FastAPI(title="Wallet API", version="2.4.0")

app.add_middleware(SessionMiddleware,
    secret_key=settings.session_secret,
    session_cookie="wallet_session",
    max_age=15 * 60,
    same_site="lax",
    https_only=True,
)
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.wallet.example.com"],
    allow_credentials=False,
    allow_methods=["GET", "POST"],
    allow_headers=["Authorization", "Content-Type"],
)

for module in (auth, recovery, admin, web, sso, partners, accounting):
    app.include_router(module.router)


@app.get("/healthz", include_in_schema=False)
def healthz():
    return {"status": "ok"}
