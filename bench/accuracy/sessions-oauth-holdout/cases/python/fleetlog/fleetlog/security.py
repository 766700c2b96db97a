"""Password hashing, JWT issuing and the request dependencies that authenticate callers."""
import uuid
from datetime import datetime, timedelta, timezone

import jwt as pyjwt
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from fastapi import Cookie, Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from .db import DispatchSession, Driver, RefreshToken, get_db
from .settings import settings

hasher = PasswordHasher()
bearer = HTTPBearer(auto_error=True)


def hash_password(raw: str) -> str:
    return hasher.hash(raw)


def verify_password(stored: str, raw: str) -> bool:
    try:
        return hasher.verify(stored, raw)
    except VerifyMismatchError:
        return False


def _encode(claims: dict, lifetime: timedelta) -> str:
    now = datetime.now(timezone.utc)
    body = {**claims, "iss": settings.jwt_issuer, "iat": now, "exp": now + lifetime}
    return pyjwt.encode(body, settings.jwt_secret, algorithm="HS256")


def issue_access_token(driver: Driver) -> str:
    return _encode({"sub": str(driver.id), "ver": driver.token_version, "typ": "access"},
                   timedelta(minutes=settings.access_minutes))


def issue_refresh_token(db: Session, driver: Driver, family: str | None = None) -> str:
    jti = str(uuid.uuid4())
    lifetime = timedelta(days=settings.refresh_days)
    db.add(RefreshToken(jti=jti, driver_id=driver.id, family=family or jti,
                        expires_at=datetime.now(timezone.utc) + lifetime))
    return _encode({"sub": str(driver.id), "jti": jti, "typ": "refresh"}, lifetime)


def decode(token: str, expected_type: str) -> dict:
    try:
        claims = pyjwt.decode(token, settings.jwt_secret, algorithms=["HS256"], issuer=settings.jwt_issuer)
    except pyjwt.PyJWTError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token")
    if claims.get("typ") != expected_type:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong token type")
    return claims


def current_driver(creds: HTTPAuthorizationCredentials = Depends(bearer), db: Session = Depends(get_db)) -> Driver:
    claims = decode(creds.credentials, "access")
    driver = db.get(Driver, int(claims["sub"]))
    if driver is None or claims.get("ver") != driver.token_version:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "token revoked")
    return driver


def current_dispatcher(dispatch_sid: str | None = Cookie(default=None), db: Session = Depends(get_db)) -> Driver:
    row = db.get(DispatchSession, dispatch_sid) if dispatch_sid else None
    if row is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "sign in to the dispatch console")
    driver = db.get(Driver, row.driver_id)
    if driver is None or not driver.is_dispatcher:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "dispatchers only")
    return driver
