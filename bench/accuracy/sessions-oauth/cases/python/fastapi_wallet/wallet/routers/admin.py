from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import get_db
from ..models import Transfer, User
from ..security import create_access_token, decode_access_token, verify_password

router = APIRouter(prefix="/admin", tags=["admin"])
ADMIN_COOKIE = "admin_access_token"


def current_admin(request: Request, db: Session = Depends(get_db)) -> User:
    token = request.cookies.get(ADMIN_COOKIE)
    if not token:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED)
    claims = decode_access_token(token)
    user = db.get(User, int(claims["sub"]))
    if user is None or not user.is_admin or claims.get("ver") != user.token_version:
        raise HTTPException(status.HTTP_403_FORBIDDEN)
    return user


@router.post("/login")
def admin_login(email: str = Form(...), password: str = Form(...), db: Session = Depends(get_db)):
    user = db.scalar(select(User).where(User.email == email.lower(), User.is_admin.is_(True)))
    if user is None or not verify_password(password, user.password_hash):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED)
    resp = RedirectResponse("/admin/transfers", status_code=303)
    resp.set_cookie(ADMIN_COOKIE, create_access_token(user), httponly=True, samesite="strict")
    return resp


@router.get("/transfers", response_class=HTMLResponse)
def transfers(admin: User = Depends(current_admin), db: Session = Depends(get_db)):
    rows = db.scalars(select(Transfer).order_by(Transfer.created_at.desc()).limit(100)).all()
    cells = "".join(f"<tr><td>{t.id}</td><td>{t.amount_cents / 100:.2f}</td></tr>" for t in rows)
    return f"<h1>Transfers</h1><p>{admin.email}</p><table>{cells}</table>"


@router.post("/logout")
def admin_logout(admin: User = Depends(current_admin)):
    resp = RedirectResponse("/admin/login", status_code=303)
    resp.delete_cookie(ADMIN_COOKIE)
    return resp
