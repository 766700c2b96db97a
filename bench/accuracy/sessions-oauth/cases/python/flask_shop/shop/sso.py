import os

from authlib.integrations.flask_client import OAuth
from flask import Blueprint, abort, redirect, session, url_for
from flask_login import login_user

from . import db
from .models import User

sso_bp = Blueprint("sso", __name__, url_prefix="/sso")
oauth = OAuth()

oauth.register(
    name="google",
    client_id=os.environ.get("GOOGLE_CLIENT_ID"),
    client_secret=os.environ.get("GOOGLE_CLIENT_SECRET"),
    server_metadata_url="https://accounts.google.com/.well-known/openid-configuration",
    client_kwargs={"scope": "openid email profile"},
)


@sso_bp.get("/google")
def google_start():
    callback = url_for("sso.google_callback", _external=True)
    return oauth.google.authorize_redirect(callback)


@sso_bp.get("/google/callback")
def google_callback():
    token = oauth.google.authorize_access_token()
    claims = token.get("userinfo") or oauth.google.userinfo(token=token)
    if not claims.get("email_verified"):
        abort(403)
    user = User.query.filter_by(email=claims["email"].lower()).first()
    if user is None:
        user = User(email=claims["email"].lower(), display_name=claims.get("name"),
                    password_hash="!unusable")
        db.session.add(user)
        db.session.commit()
    session.clear()
    login_user(user)
    return redirect(url_for("account.profile", via="google"))
