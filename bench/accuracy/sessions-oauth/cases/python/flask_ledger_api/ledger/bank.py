import secrets

from flask import Blueprint, abort, current_app, jsonify, request
from flask_jwt_extended import get_jwt_identity, jwt_required
from requests_oauthlib import OAuth2Session

from .extensions import db
from .models import OAuthState

bank_bp = Blueprint("bank", __name__)

AUTHORIZE_URL = "https://api.bank.example/oauth/authorize"
TOKEN_URL = "https://api.bank.example/oauth/token"
CALLBACK = "https://ledger.example.com/bank/callback"
SANDBOX_CALLBACK = "https://ledger.example.com/bank/sandbox/callback"


@bank_bp.post("/connect")
@jwt_required()
def connect():
    link_state = secrets.token_urlsafe(32)
    db.session.add(OAuthState(state=link_state, user_id=int(get_jwt_identity())))
    db.session.commit()
    bank = OAuth2Session(current_app.config["BANK_CLIENT_ID"], redirect_uri=CALLBACK, scope=["accounts"])
    url, _ = bank.authorization_url(AUTHORIZE_URL, state=link_state)
    return jsonify(authorize_url=url)


@bank_bp.get("/callback")
def callback():
    pending = db.session.get(OAuthState, request.args.get("state", "")) or abort(400)
    db.session.delete(pending)
    db.session.commit()
    bank = OAuth2Session(current_app.config["BANK_CLIENT_ID"], redirect_uri=CALLBACK, state=pending.state)
    bank.fetch_token(TOKEN_URL, client_secret=current_app.config["BANK_CLIENT_SECRET"],
                     authorization_response=request.url)
    return jsonify(linked=True, user=pending.user_id)


@bank_bp.post("/sandbox/connect")
@jwt_required()
def sandbox_connect():
    sandbox = OAuth2Session(current_app.config["BANK_CLIENT_ID"], redirect_uri=SANDBOX_CALLBACK)
    url, _ = sandbox.authorization_url(AUTHORIZE_URL, state="ledger-sandbox")
    return jsonify(authorize_url=url)


@bank_bp.get("/sandbox/callback")
def sandbox_callback():
    sandbox_client = OAuth2Session(current_app.config["BANK_CLIENT_ID"], redirect_uri=SANDBOX_CALLBACK)
    sandbox_client.fetch_token(TOKEN_URL, client_secret=current_app.config["BANK_CLIENT_SECRET"],
                               authorization_response=request.url)
    return jsonify(linked=True, sandbox=True)
