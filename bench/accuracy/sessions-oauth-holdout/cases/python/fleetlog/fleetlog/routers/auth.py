"""Driver app sign-in, refresh, sign-out and password management."""
import hashlib
from datetime import datetime, timezone

from fastapi import APIRouter, Depends, HTTPException, Response, status
from pydantic import BaseModel, EmailStr
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..db import Driver, RefreshToken, get_db
from ..security import current_driver, decode, hash_password, issue_access_token, issue_refresh_token, verify_password

router = APIRouter(prefix="/auth", tags=["auth"])


class Credentials(BaseModel):
    email: EmailStr
    password: str


class RefreshBody(BaseModel):
    refresh_token: str


class PasswordReset(BaseModel):
    token: str
    new_password: str


class PasswordChange(BaseModel):
    current_password: str
    new_password: str


@router.post("/login")
def login(body: Credentials, db: Session = Depends(get_db)):
    driver = db.scalar(select(Driver).where(Driver.email == body.email.lower()))
    if driver is None or not verify_password(driver.password_hash, body.password):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid credentials")
    refresh = issue_refresh_token(db, driver)
    db.commit()
    return {"access_token": issue_access_token(driver), "refresh_token": refresh, "token_type": "bearer"}


@router.post("/refresh")
def refresh(body: RefreshBody, db: Session = Depends(get_db)):
    claims = decode(body.refresh_token, "refresh")
    stored = db.get(RefreshToken, claims["jti"])
    if stored is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown refresh token")
    if stored.revoked:
        db.execute(delete(RefreshToken).where(RefreshToken.family == stored.family))
        db.commit()
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "refresh token reuse detected")
    stored.revoked = True
    driver = db.get(Driver, stored.driver_id)
    rotated = issue_refresh_token(db, driver, family=stored.family)
    db.commit()
    return {"access_token": issue_access_token(driver), "refresh_token": rotated, "token_type": "bearer"}


@router.post("/legacy/refresh", deprecated=True)
def legacy_refresh(body: RefreshBody, db: Session = Depends(get_db)):
    """Kept for driver app builds older than 5.0, which cannot store a new refresh token."""
    claims = decode(body.refresh_token, "refresh")
    driver = db.get(Driver, int(claims["sub"]))
    if driver is None or db.get(RefreshToken, claims["jti"]) is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown refresh token")
    return {"access_token": issue_access_token(driver), "refresh_token": body.refresh_token, "token_type": "bearer"}


@router.post("/scanner/refresh")
def scanner_refresh(body: RefreshBody, db: Session = Depends(get_db)):
    """Handheld parcel scanners at the depots refresh once per shift."""
    claims = decode(body.refresh_token, "refresh")
    stored = db.get(RefreshToken, claims["jti"])
    if stored is None or stored.revoked:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown refresh token")
    driver = db.get(Driver, stored.driver_id)
    next_refresh = issue_refresh_token(db, driver)
    db.commit()
    return {"access_token": issue_access_token(driver), "refresh_token": next_refresh, "token_type": "bearer"}


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(body: RefreshBody, driver: Driver = Depends(current_driver), db: Session = Depends(get_db)):
    claims = decode(body.refresh_token, "refresh")
    db.execute(delete(RefreshToken).where(RefreshToken.jti == claims["jti"], RefreshToken.driver_id == driver.id))
    db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/password/reset")
def reset_password(body: PasswordReset, db: Session = Depends(get_db)):
    digest = hashlib.sha256(body.token.encode()).hexdigest()
    driver = db.scalar(select(Driver).where(Driver.reset_token_hash == digest))
    if driver is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "invalid or expired reset link")
    driver.password_hash, driver.token_version = hash_password(body.new_password), driver.token_version + 1
    driver.reset_token_hash = None
    db.execute(delete(RefreshToken).where(RefreshToken.driver_id == driver.id))
    db.commit()
    return {"status": "password reset"}


@router.post("/password/change")
def change_password(body: PasswordChange, driver: Driver = Depends(current_driver), db: Session = Depends(get_db)):
    if not verify_password(driver.password_hash, body.current_password):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "current password is wrong")
    driver.password_hash = hash_password(body.new_password)
    driver.password_changed_at = datetime.now(timezone.utc)
    db.commit()
    return {"status": "password changed"}
