"""Authentication dependencies for the inventory service."""
import hashlib
import logging
from dataclasses import dataclass, field
from typing import Optional

import jwt
from fastapi import Depends, Header, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .config import DECODE_OPTIONS, DEVICE_DECODE_OPTIONS, settings

logger = logging.getLogger(__name__)
bearer = HTTPBearer(auto_error=False)
_jwks = jwt.PyJWKClient(settings.jwks_url, cache_keys=True)


@dataclass
class Principal:
    sub: str
    scopes: set = field(default_factory=set)


def decode_user_token(token: str) -> dict:
    header = jwt.get_unverified_header(token)
    signing_key = _jwks.get_signing_key(header["kid"])
    return jwt.decode(token, signing_key.key, algorithms=["RS256", "ES256"], audience=settings.jwt_audience)


def decode_service_token(token: str) -> dict:
    payload = jwt.decode(
        token,
        settings.service_token_secret,
        algorithms=["HS256"],
        issuer=settings.jwt_issuer,
        options=DECODE_OPTIONS,
    )
    return payload


def decode_device_token(token: str) -> dict:
    return jwt.decode(token, settings.service_token_secret, algorithms=["HS256"], issuer=settings.jwt_issuer, options=DEVICE_DECODE_OPTIONS)


async def current_user(creds: Optional[HTTPAuthorizationCredentials] = Depends(bearer)) -> Principal:
    if creds is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED)
    try:
        claims = decode_user_token(creds.credentials)
    except jwt.PyJWTError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="invalid or expired token")
    return Principal(sub=claims["sub"], scopes=set(claims.get("scope", "").split()))


def require_scope(scope: str):
    async def checker(user: Principal = Depends(current_user)) -> Principal:
        if scope not in user.scopes:
            raise HTTPException(status.HTTP_403_FORBIDDEN)
        return user

    return checker


async def warehouse_operator(x_user_role: Optional[str] = Header(None)) -> str:
    if x_user_role not in ("operator", "manager"):
        raise HTTPException(status.HTTP_403_FORBIDDEN)
    return x_user_role


async def scanner_device(x_device_token: str = Header(...)) -> dict:
    """Handheld scanners send a JWT minted by the device-management service."""
    claims = jwt.decode(x_device_token, options={"verify_signature": False})
    if claims.get("device_role") != "scanner":
        raise HTTPException(status.HTTP_403_FORBIDDEN)
    return claims


async def verify_internal_key(x_api_key: str = Header(...)) -> None:
    if x_api_key != settings.internal_api_key:
        logger.warning("rejected internal call with api key %s", x_api_key)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED)


def api_key_fingerprint(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()
