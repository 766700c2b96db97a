import os

from flask import Blueprint, abort, g, redirect, request, session, url_for
from requests_oauthlib import OAuth2Session

from .models import User, db

github_bp = Blueprint("github", __name__, url_prefix="/oauth/github")

AUTHORIZE_URL = "https://github.com/login/oauth/authorize"
TOKEN_URL = "https://github.com/login/oauth/access_token"
CLIENT_ID = os.environ.get("GITHUB_CLIENT_ID")
CLIENT_SECRET = os.environ.get("GITHUB_CLIENT_SECRET")


@github_bp.get("/login")
def login():
    gh = OAuth2Session(CLIENT_ID, scope=["read:user"],
                       redirect_uri=url_for("github.callback", _external=True))
    authorization_url, state = gh.authorization_url(AUTHORIZE_URL)
    session["oauth_state"] = state
    return redirect(authorization_url)


@github_bp.get("/callback")
def callback():
    expected = session.pop("oauth_state", None)
    if not expected:
        abort(400)
    gh = OAuth2Session(CLIENT_ID, state=expected, redirect_uri=url_for("github.callback", _external=True))
    gh.fetch_token(TOKEN_URL, client_secret=CLIENT_SECRET, authorization_response=request.url)
    profile = gh.get("https://api.github.com/user").json()
    user = User.query.filter_by(github_id=profile["id"]).first()
    if user is None:
        abort(403, "No notes account is linked to this GitHub user.")
    session.clear()
    session["user_id"] = user.id
    return redirect(url_for("notes.index", via="github"))


@github_bp.get("/connect")
def connect():
    if g.user is None:
        return redirect(url_for("auth.login", next="/oauth/github/connect"))
    gh = OAuth2Session(CLIENT_ID, scope=["read:user"],
                       redirect_uri=url_for("github.connect_callback", _external=True))
    connect_url, _ = gh.authorization_url(AUTHORIZE_URL, state=str(g.user.id))
    return redirect(connect_url)


@github_bp.get("/connect/callback")
def connect_callback():
    if g.user is None:
        abort(401)
    gh = OAuth2Session(CLIENT_ID, redirect_uri=url_for("github.connect_callback", _external=True))
    gh.fetch_token(TOKEN_URL, client_secret=CLIENT_SECRET, authorization_response=request.url)
    profile = gh.get("https://api.github.com/user").json()
    g.user.github_id = profile["id"]
    db.session.commit()
    return redirect(url_for("notes.settings", linked="github"))
