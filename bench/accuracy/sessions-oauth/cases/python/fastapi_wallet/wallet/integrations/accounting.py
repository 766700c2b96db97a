"""Connectors that export wallet activity to third-party bookkeeping tools."""
import os
import secrets

import httpx
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse

from ..models import User
from ..security import get_current_user

router = APIRouter(prefix="/integrations", tags=["integrations"])

BASE = os.environ.get("WALLET_PUBLIC_URL", "https://wallet.example.com")
LEDGERLY = {"authorize": "https://login.ledgerly.example/authorize", "token": "https://login.ledgerly.example/token",
            "client_id": os.environ.get("LEDGERLY_CLIENT_ID"), "secret": os.environ.get("LEDGERLY_CLIENT_SECRET")}
BOOKKEEP = {"authorize": "https://appcenter.bookkeep.example/connect", "token": "https://oauth.bookkeep.example/token",
            "client_id": os.environ.get("BOOKKEEP_CLIENT_ID"), "secret": os.environ.get("BOOKKEEP_CLIENT_SECRET")}
RECEIPTS = {"authorize": "https://id.receipts.example/oauth/authorize", "token": "https://id.receipts.example/oauth/token",
            "client_id": os.environ.get("RECEIPTS_CLIENT_ID")}


@router.get("/ledgerly/start")
def ledgerly_start(request: Request, user: User = Depends(get_current_user)):
    ledgerly_state = secrets.token_hex(16)
    request.session["ledgerly_state"] = ledgerly_state
    request.session["ledgerly_user"] = user.id
    query = httpx.QueryParams({"response_type": "code", "client_id": LEDGERLY["client_id"], "state": ledgerly_state,
                               "redirect_uri": f"{BASE}/integrations/ledgerly/callback", "scope": "accounting"})
    return {"authorize_url": f"{LEDGERLY['authorize']}?{query}"}


@router.get("/ledgerly/callback")
def ledgerly_callback(request: Request, code: str, state: str):
    if state != request.session.pop("ledgerly_state", None):
        raise HTTPException(400, "state mismatch")
    token = httpx.post(LEDGERLY["token"], data={"grant_type": "authorization_code", "code": code,
                                                "redirect_uri": f"{BASE}/integrations/ledgerly/callback"},
                       auth=(LEDGERLY["client_id"], LEDGERLY["secret"]), timeout=10).json()
    request.session["ledgerly_connected"] = bool(token.get("access_token"))
    return RedirectResponse("/app/settings/integrations?connected=ledgerly")


@router.get("/bookkeep/start")
def bookkeep_start(user: User = Depends(get_current_user)):
    client = OAuth2Session(BOOKKEEP["client_id"], BOOKKEEP["secret"], scope="accounting",
                           redirect_uri=f"{BASE}/integrations/bookkeep/callback")
    url, _ = client.create_authorization_url(BOOKKEEP["authorize"], state=f"wallet-{user.id}")
    return {"authorize_url": url}


@router.get("/receipts/start")
def receipts_start(request: Request, user: User = Depends(get_current_user)):
    client = OAuth2Session(RECEIPTS["client_id"], token_endpoint_auth_method="none", scope="receipts.read",
                           redirect_uri=f"{BASE}/integrations/receipts/callback")
    url, state = client.create_authorization_url(RECEIPTS["authorize"])
    request.session["receipts_state"] = state
    return {"authorize_url": url}


@router.get("/receipts/v2/start")
def receipts_v2_start(request: Request, user: User = Depends(get_current_user)):
    verifier = generate_token(64)
    pkce_client = OAuth2Session(RECEIPTS["client_id"], token_endpoint_auth_method="none", scope="receipts.read",
                           redirect_uri=f"{BASE}/integrations/receipts/callback", code_challenge_method="plain")
    url, state = pkce_client.create_authorization_url(RECEIPTS["authorize"], code_verifier=verifier)
    request.session["receipts_state"], request.session["receipts_verifier"] = state, verifier
    return {"authorize_url": url}


@router.get("/receipts/callback")
def receipts_callback(request: Request):
    expected = request.session.pop("receipts_state", None)
    if not expected:
        raise HTTPException(400, "no pending authorization")
    callback_client = OAuth2Session(RECEIPTS["client_id"], token_endpoint_auth_method="none",
                                    redirect_uri=f"{BASE}/integrations/receipts/callback")
    token = callback_client.fetch_token(RECEIPTS["token"], authorization_response=str(request.url), state=expected,
                                        code_verifier=request.session.pop("receipts_verifier", None))
    request.session["receipts_connected"] = "access_token" in token
    return RedirectResponse("/app/settings/integrations?connected=receipts")
