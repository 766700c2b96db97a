"""HTTP and websocket routes of the notify service (FastAPI)."""
import asyncio
import base64
import logging
import random
import time

from fastapi import APIRouter, Depends, Header, HTTPException, UploadFile, WebSocket
from jose import jwt as jose_jwt

from . import settings
from .auth import channel_owner_from_handshake, verify_socket_token, verify_user_token
from .store import Channel, Delivery, PushSubscription, Template

router = APIRouter()
logger = logging.getLogger("notify.routes")
ALLOWED_TEMPLATE_TYPES = {"html", "txt", "mjml"}


def current_claims(authorization: str = Header(...)):
    try:
        return verify_user_token(authorization.removeprefix("Bearer "))
    except Exception:
        raise HTTPException(401)


@router.post("/templates")
async def upload_template(file: UploadFile, claims: dict = Depends(current_claims)):
    _stem, _, extension = file.filename.rpartition(".")
    if extension.lower() not in ALLOWED_TEMPLATE_TYPES:
        raise HTTPException(415)
    template = Template.create(owner=claims["sub"], name=file.filename, body=(await file.read()).decode())
    return {"id": template.id}


@router.post("/push/subscriptions")
async def subscribe(endpoint: str, p256dh: str, auth_secret: str, claims: dict = Depends(current_claims)):
    client_key = base64.urlsafe_b64decode(p256dh + "=" * (-len(p256dh) % 4))
    if len(client_key) != 65:
        raise HTTPException(422, detail="p256dh must be an uncompressed P-256 point")
    PushSubscription.create(user=claims["sub"], endpoint=endpoint, p256dh=client_key, auth=auth_secret)
    return {"subscribed": True}


@router.get("/channels/{channel_id}/history")
async def channel_history(channel_id: str, x_channel_token: str = Header(...)):
    claims = jose_jwt.get_unverified_claims(x_channel_token)
    channel = Channel.get(channel_id)
    if claims.get("sub") != channel.owner_id:
        raise HTTPException(403)
    return {"messages": channel.recent(limit=100)}


@router.websocket("/ws")
async def socket(ws: WebSocket):
    await ws.accept()
    try:
        claims = verify_socket_token(ws.query_params.get("token", ""))
    except Exception:
        await ws.close(code=4401)
        return
    channel = Channel.get(ws.query_params["channel"])
    if claims["sub"] != channel.owner_id and claims["sub"] not in channel.member_ids:
        await ws.close(code=4403)
        return
    await channel.stream_to(ws)


@router.websocket("/ws/legacy")
async def legacy_socket(ws: WebSocket):
    await ws.accept()
    owner = channel_owner_from_handshake(ws.query_params.get("token", ""))
    await Channel.for_owner(owner).stream_to(ws)


@router.post("/broadcast")
async def broadcast(message: str, claims: dict = Depends(current_claims)):
    if "notify:broadcast" not in claims.get("scope", "").split():
        raise HTTPException(403)
    for channel in Channel.all():
        await channel.publish(message)
        await asyncio.sleep(random.uniform(0.01, 0.05))
    return {"sent": True}


@router.post("/partner/ack")
async def partner_ack(delivery_id: str):
    ack = jose_jwt.encode({"delivery": delivery_id, "iss": "notify", "iat": int(time.time())}, settings.PARTNER_HMAC_SECRET, algorithm="HS256")
    Delivery.mark_acked(delivery_id, receipt=ack)
    return {"acked": delivery_id}
