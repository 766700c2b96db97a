"""Dispatch console: browser sign-in for dispatchers and the live board helpers."""
import secrets

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Response, status
from fastapi.responses import RedirectResponse
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..db import DispatchSession, Driver, get_db
from ..security import current_dispatcher, issue_access_token, verify_password

router = APIRouter(prefix="/dispatch", tags=["dispatch"])

SESSION_COOKIE = {"httponly": True, "secure": True, "samesite": "strict", "max_age": 12 * 3600, "path": "/dispatch"}

DESTINATIONS = {
    "board": "/dispatch/board",
    "routes": "/dispatch/routes",
    "vehicles": "/dispatch/vehicles",
    "handover": "/dispatch/handover",
}


@router.post("/login")
def dispatch_login(email: str = Form(...), password: str = Form(...), db: Session = Depends(get_db)):
    driver = db.scalar(select(Driver).where(Driver.email == email.lower(), Driver.is_dispatcher.is_(True)))
    if driver is None or not verify_password(driver.password_hash, password):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid credentials")
    sid = secrets.token_urlsafe(48)
    db.add(DispatchSession(sid=sid, driver_id=driver.id))
    db.commit()
    response = RedirectResponse(url="/dispatch/board", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(key="dispatch_sid", value=sid, **SESSION_COOKIE)
    return response


@router.get("/map-embed")
def map_embed(response: Response, dispatcher: Driver = Depends(current_dispatcher)):
    """The third-party map iframe reads a short-lived access token from its own cookie."""
    token = issue_access_token(dispatcher)
    response.set_cookie("map_access_token", token, secure=True, samesite="none", max_age=900)
    return {"embed": "ready"}


@router.get("/density/{value}")
def set_density(value: str):
    if value not in ("compact", "comfortable"):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "unknown density")
    response = RedirectResponse(url="/dispatch/board?density=" + value)
    response.set_cookie("fleet_ui_density", value, max_age=180 * 24 * 3600)
    return response


@router.get("/go")
def go(next: str = Query("/dispatch/board"), dispatcher: Driver = Depends(current_dispatcher)):
    next_url = next.strip()
    return RedirectResponse(url=next_url)


@router.get("/jump")
def jump(to: str = Query("board"), dispatcher: Driver = Depends(current_dispatcher)):
    return RedirectResponse(url=DESTINATIONS.get(to, DESTINATIONS["board"]))


@router.post("/logout")
def dispatch_logout(response: Response, dispatcher: Driver = Depends(current_dispatcher), db: Session = Depends(get_db)):
    db.execute(delete(DispatchSession).where(DispatchSession.driver_id == dispatcher.id))
    db.commit()
    response.delete_cookie("dispatch_sid", path="/dispatch")
    return {"signed_out": True}
