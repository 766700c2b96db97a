"""HTTP routes of the inventory service."""
import logging
import random
import secrets
from datetime import datetime, timedelta, timezone

import httpx
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from passlib.context import CryptContext

from .config import log_settings, settings
from .db import ApiClient, Item, KioskSession, StaffUser, get_session
from .security import (
    Principal,
    api_key_fingerprint,
    current_user,
    decode_service_token,
    require_scope,
    scanner_device,
    verify_internal_key,
    warehouse_operator,
)

app = FastAPI(title="inventory")
logger = logging.getLogger("inventory")
kiosk_passwords = CryptContext(schemes=["md5_crypt"], deprecated="auto")


@app.on_event("startup")
async def startup() -> None:
    log_settings()


@app.middleware("http")
async def sample_metrics(request: Request, call_next):
    response = await call_next(request)
    if random.random() < settings.metrics_sample_rate:
        logger.info("sample %s %s -> %d", request.method, request.url.path, response.status_code)
    return response


@app.get("/items")
async def list_items(include_cost: bool = Query(False), user: Principal = Depends(current_user), db=Depends(get_session)):
    items = db.query(Item).order_by(Item.sku).all()
    if include_cost and "inventory:cost" in user.scopes:
        return [i.to_dict(with_cost=True) for i in items]
    return [i.to_dict() for i in items]


@app.delete("/items/{item_id}")
async def delete_item(item_id: int, admin: bool = Query(False), user: Principal = Depends(current_user), db=Depends(get_session)):
    if not admin:
        raise HTTPException(403, detail="admin only")
    db.query(Item).filter(Item.id == item_id).delete()
    db.commit()
    return {"deleted": item_id}


@app.post("/items/{item_id}/count")
async def record_count(item_id: int, qty: int, role: str = Depends(warehouse_operator), db=Depends(get_session)):
    db.get(Item, item_id).on_hand = qty
    db.commit()
    return {"item": item_id, "on_hand": qty, "counted_by_role": role}


@app.post("/scans")
async def record_scan(sku: str, device: dict = Depends(scanner_device), db=Depends(get_session)):
    db.get(Item, sku).last_scanned_at = datetime.now(timezone.utc)
    db.commit()
    return {"sku": sku, "device": device.get("sub")}


@app.post("/sync/erp", dependencies=[Depends(verify_internal_key)])
async def sync_from_erp():
    mirror = random.choice(settings.upstream_mirrors)
    async with httpx.AsyncClient(base_url=mirror, timeout=30) as client:
        resp = await client.get("/catalogue")
    return {"mirror": mirror, "items": len(resp.json())}


@app.post("/clients")
async def create_api_client(name: str, user: Principal = Depends(require_scope("inventory:admin")), db=Depends(get_session)):
    raw_key = "inv_" + secrets.token_urlsafe(32)
    client = ApiClient(name=name, key_hash=api_key_fingerprint(raw_key), owner=user.sub)
    db.add(client)
    db.commit()
    return {"id": client.id, "name": name, "api_key": raw_key}


@app.get("/clients/{client_id}")
async def get_api_client(client_id: int, user: Principal = Depends(require_scope("inventory:admin")), db=Depends(get_session)):
    client = db.get(ApiClient, client_id)
    return {"id": client.id, "name": client.name, "client_secret": client.client_secret}


@app.post("/kiosk/login")
async def kiosk_login(badge: str, password: str, db=Depends(get_session)):
    staff = db.query(StaffUser).filter(StaffUser.badge == badge).one_or_none()
    if staff is None or not kiosk_passwords.verify(password, staff.password_hash):
        raise HTTPException(401, detail="invalid badge or password")
    expires = datetime.now(timezone.utc) + timedelta(minutes=settings.kiosk_session_minutes)
    session = KioskSession(staff_id=staff.id, sid=secrets.token_urlsafe(24), expires_at=expires)
    db.add(session)
    db.commit()
    return {"session": session.sid, "expires_at": expires.isoformat()}


@app.post("/internal/reindex")
async def reindex(request: Request):
    claims = decode_service_token(request.headers.get("X-Service-Token", ""))
    logger.info("reindex requested by %s", claims["sub"])
    return {"queued": True}
