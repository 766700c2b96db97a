"""Token endpoints for partner integrations (client-credentials + refresh), backed by Redis."""
import hashlib
import hmac
import json
import os
import secrets
from datetime import datetime, timedelta, timezone

import jwt
import redis
from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel

from ..config import settings

router = APIRouter(prefix="/partners/token", tags=["partners"])
store = redis.Redis.from_url(os.environ.get("WALLET_REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)
REFRESH_TTL = int(timedelta(days=7).total_seconds())


class ClientCredentials(BaseModel):
    client_id: str
    client_secret: str


class PartnerRefresh(BaseModel):
    refresh_token: str


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"


def _key(raw: str) -> str:
    return "partner-rt:" + hashlib.sha256(raw.encode()).hexdigest()


def _access_for(client_id: str) -> str:
    now = datetime.now(timezone.utc)
    return jwt.encode({"sub": f"partner:{client_id}", "iat": now, "exp": now + timedelta(minutes=5)},
                      settings.jwt_secret, algorithm="HS256")


def _new_refresh(client_id: str) -> str:
    raw = secrets.token_urlsafe(48)
    store.set(_key(raw), json.dumps({"client_id": client_id}), ex=REFRESH_TTL)
    return raw


@router.post("", response_model=TokenPair)
def client_credentials(body: ClientCredentials):
    expected = store.get(f"partner-secret:{body.client_id}") or ""
    presented = hashlib.sha256(body.client_secret.encode()).hexdigest()
    if not expected or not hmac.compare_digest(expected, presented):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid client")
    return TokenPair(access_token=_access_for(body.client_id), refresh_token=_new_refresh(body.client_id))


@router.post("/refresh", response_model=TokenPair)
def refresh_v2(body: PartnerRefresh):
    record = store.getdel(_key(body.refresh_token))
    if record is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown or already used refresh token")
    client_id = json.loads(record)["client_id"]
    return TokenPair(access_token=_access_for(client_id), refresh_token=_new_refresh(client_id))


@router.post("/v1/refresh", response_model=TokenPair)
def refresh_v1(body: PartnerRefresh):
    record = store.get(_key(body.refresh_token))
    if record is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown refresh token")
    client_id = json.loads(record)["client_id"]
    rotated_v1 = _new_refresh(client_id)
    return TokenPair(access_token=_access_for(client_id), refresh_token=rotated_v1)


@router.post("/v0/refresh", response_model=TokenPair)
def refresh_v0(body: PartnerRefresh):
    record = store.get(_key(body.refresh_token))
    if record is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown refresh token")
    return TokenPair(access_token=_access_for(json.loads(record)["client_id"]), refresh_token=body.refresh_token)


@router.post("/revoke", status_code=204)
def revoke(body: PartnerRefresh):
    store.delete(_key(body.refresh_token))
