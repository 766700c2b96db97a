import hmac
import secrets

import httpx
from authlib.integrations.starlette_client import OAuth
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse

from ..config import settings
from ..models import User
from ..security import get_current_user

router = APIRouter(prefix="/sso", tags=["sso"])
oauth = OAuth()

bank = oauth.register(
    name="bank",
    client_id=settings.bank_client_id,
    client_secret=settings.bank_client_secret,
    server_metadata_url="https://id.bank.example/.well-known/openid-configuration",
    client_kwargs={"scope": "openid accounts:read"},
)
spa_bff = oauth.register(
    name="spa_bff",
    client_id=settings.spa_client_id,
    server_metadata_url="https://login.wallet.example.com/.well-known/openid-configuration",
    client_kwargs={"scope": "openid profile", "token_endpoint_auth_method": "none"},
)
mobile_bff = oauth.register(
    name="mobile_bff",
    client_id=settings.mobile_client_id,
    server_metadata_url="https://login.wallet.example.com/.well-known/openid-configuration",
    client_kwargs={"scope": "openid profile", "token_endpoint_auth_method": "none", "code_challenge_method": "S256"},
)
legacy_idp = oauth.register(
    name="legacy_idp",
    client_id=settings.legacy_idp_client_id,
    authorize_url="https://sso.legacy.example/authorize",
    access_token_url="https://sso.legacy.example/token",
    client_kwargs={"token_endpoint_auth_method": "none", "code_challenge_method": "plain"},
)

OPENBANKING_AUTHORIZE = "https://ob.bank.example/oauth/authorize"
OPENBANKING_TOKEN = "https://ob.bank.example/oauth/token"


@router.get("/bank/login")
async def bank_login(request: Request):
    return await bank.authorize_redirect(request, str(request.url_for("bank_callback")))


@router.get("/bank/callback", name="bank_callback")
async def bank_callback(request: Request):
    token = await bank.authorize_access_token(request)
    request.session.clear()
    request.session["bank_sub"] = token["userinfo"]["sub"]
    return RedirectResponse("/app/accounts")


@router.get("/spa/login")
async def spa_login(request: Request):
    return await spa_bff.authorize_redirect(request, str(request.url_for("spa_callback")))


@router.get("/spa/callback", name="spa_callback")
async def spa_callback(request: Request):
    token = await spa_bff.authorize_access_token(request)
    return {"id_token": token.get("id_token")}


@router.get("/mobile/login")
async def mobile_login(request: Request):
    return await mobile_bff.authorize_redirect(request, str(request.url_for("mobile_callback")))


@router.get("/mobile/callback", name="mobile_callback")
async def mobile_callback(request: Request):
    token = await mobile_bff.authorize_access_token(request)
    return {"id_token": token.get("id_token"), "expires_in": token.get("expires_in")}


@router.get("/legacy/login")
async def legacy_login(request: Request):
    return await legacy_idp.authorize_redirect(request, f"{settings.public_base_url}/sso/legacy/callback")


@router.get("/openbanking/consent")
async def openbanking_consent(request: Request, user: User = Depends(get_current_user)):
    consent_state = secrets.token_urlsafe(32)
    request.session["ob_state"] = consent_state
    url = httpx.URL(OPENBANKING_AUTHORIZE, params={
        "response_type": "code",
        "client_id": settings.openbanking_client_id,
        "redirect_uri": f"{settings.public_base_url}/sso/openbanking/callback",
        "scope": "accounts payments",
        "state": consent_state,
    })
    return {"authorize_url": str(url)}


@router.get("/openbanking/callback")
async def openbanking_callback(request: Request, code: str, state: str = ""):
    expected = request.session.pop("ob_state", "")
    if not expected or not hmac.compare_digest(expected, state):
        raise HTTPException(400, "state mismatch")
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(OPENBANKING_TOKEN, data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": f"{settings.public_base_url}/sso/openbanking/callback",
        }, auth=(settings.openbanking_client_id, settings.openbanking_client_secret))
    resp.raise_for_status()
    return RedirectResponse("/app/accounts?linked=1")


@router.get("/openbanking/v1/callback")
async def openbanking_v1_callback(code: str):
    async with httpx.AsyncClient(timeout=10) as client:
        token_resp = await client.post(OPENBANKING_TOKEN, data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": f"{settings.public_base_url}/sso/openbanking/v1/callback",
        }, auth=(settings.openbanking_client_id, settings.openbanking_client_secret))
    token_resp.raise_for_status()
    return RedirectResponse("/app/accounts?linked=v1")
