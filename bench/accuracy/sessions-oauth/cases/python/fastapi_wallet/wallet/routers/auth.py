from fastapi import APIRouter, Cookie, Depends, HTTPException, Response, status
from pydantic import BaseModel, EmailStr
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import settings
from ..db import get_db
from ..models import User
from ..security import (
    create_access_token,
    find_refresh_token,
    get_current_user,
    hash_password,
    issue_refresh_token,
    revoke_all_for_user,
    revoke_family,
    verify_password,
)

router = APIRouter(prefix="/auth", tags=["auth"])

REFRESH_COOKIE = "refresh_token"
REFRESH_COOKIE_OPTS = {"httponly": True, "secure": True, "samesite": "strict", "path": "/auth"}


class LoginIn(BaseModel):
    email: EmailStr
    password: str


class RefreshIn(BaseModel):
    refresh_token: str


class PasswordChangeIn(BaseModel):
    current_password: str
    new_password: str


def _unauthorized() -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid refresh token")


@router.post("/login")
def login(body: LoginIn, response: Response, db: Session = Depends(get_db)):
    user = db.scalar(select(User).where(User.email == body.email.lower()))
    if user is None or not verify_password(body.password, user.password_hash):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid credentials")
    raw = issue_refresh_token(db, user)
    db.commit()
    response.set_cookie(REFRESH_COOKIE, raw, max_age=int(settings.refresh_ttl.total_seconds()), **REFRESH_COOKIE_OPTS)
    return {"access_token": create_access_token(user), "token_type": "bearer"}


@router.post("/refresh")
def refresh(response: Response, refresh_token: str | None = Cookie(default=None), db: Session = Depends(get_db)):
    stored = find_refresh_token(db, refresh_token)
    if stored is None:
        raise _unauthorized()
    if stored.revoked:
        revoke_family(db, stored.family_id)
        db.commit()
        raise _unauthorized()
    stored.revoked = True
    rotated = issue_refresh_token(db, stored.user, family_id=stored.family_id)
    db.commit()
    response.set_cookie(REFRESH_COOKIE, rotated, max_age=int(settings.refresh_ttl.total_seconds()), **REFRESH_COOKIE_OPTS)
    return {"access_token": create_access_token(stored.user), "token_type": "bearer"}


@router.post("/desktop/refresh")
def desktop_refresh(response: Response, refresh_token: str | None = Cookie(default=None), db: Session = Depends(get_db)):
    stored = find_refresh_token(db, refresh_token)
    if stored is None or stored.revoked:
        raise _unauthorized()
    response.set_cookie(REFRESH_COOKIE, refresh_token, max_age=int(settings.refresh_ttl.total_seconds()), **REFRESH_COOKIE_OPTS)
    return {"access_token": create_access_token(stored.user), "token_type": "bearer"}


@router.post("/access")
def access_from_refresh(refresh_token: str | None = Cookie(default=None), db: Session = Depends(get_db)):
    stored = find_refresh_token(db, refresh_token)
    if stored is None or stored.revoked:
        raise _unauthorized()
    return {"access_token": create_access_token(stored.user), "token_type": "bearer", "expires_in": 600}


@router.post("/mobile/refresh")
def mobile_refresh(body: RefreshIn, db: Session = Depends(get_db)):
    stored = find_refresh_token(db, body.refresh_token)
    if stored is None or stored.revoked:
        raise _unauthorized()
    return {"access_token": create_access_token(stored.user), "refresh_token": body.refresh_token, "token_type": "bearer"}


@router.post("/partner/refresh")
def partner_refresh(body: RefreshIn, db: Session = Depends(get_db)):
    stored = find_refresh_token(db, body.refresh_token)
    if stored is None or stored.revoked:
        raise _unauthorized()
    new_refresh = issue_refresh_token(db, stored.user)
    db.commit()
    return {"access_token": create_access_token(stored.user), "refresh_token": new_refresh, "token_type": "bearer"}


@router.post("/logout")
def logout(response: Response, refresh_token: str | None = Cookie(default=None), db: Session = Depends(get_db)):
    stored = find_refresh_token(db, refresh_token)
    if stored is not None:
        revoke_family(db, stored.family_id)
        db.commit()
    response.delete_cookie(REFRESH_COOKIE, path="/auth")
    return {"ok": True}


@router.post("/mobile/logout")
def mobile_logout(user: User = Depends(get_current_user)):
    return {"detail": f"goodbye {user.email}; remove the stored tokens from the device"}


@router.post("/logout-everywhere", status_code=204)
def logout_everywhere(user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    user.token_version += 1
    revoke_all_for_user(db, user.id)
    db.commit()


@router.post("/password", status_code=204)
def change_password(body: PasswordChangeIn, user: User = Depends(get_current_user), db: Session = Depends(get_db)):
    if not verify_password(body.current_password, user.password_hash):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "wrong password")
    user.password_hash = hash_password(body.new_password)
    user.token_version += 1
    revoke_all_for_user(db, user.id)
    db.commit()
