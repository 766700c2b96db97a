import hmac
import os
import secrets
from urllib.parse import urlencode

import requests
from flask import Blueprint, abort, g, redirect, request, session, url_for

from .models import db

gitlab_bp = Blueprint("gitlab", __name__, url_prefix="/integrations/gitlab")

GITLAB = os.environ.get("GITLAB_URL", "https://gitlab.com")
CLIENT_ID = os.environ.get("GITLAB_CLIENT_ID")
CLIENT_SECRET = os.environ.get("GITLAB_CLIENT_SECRET")


def _require_user():
    if g.user is None:
        abort(401)
    return g.user


def _store_token(user, payload):
    user.gitlab_token = payload["access_token"]
    db.session.commit()


@gitlab_bp.get("/import/start")
def start_import():
    _require_user()
    import_state = secrets.token_urlsafe(32)
    session["gitlab_state"] = import_state
    params = {
        "client_id": CLIENT_ID,
        "redirect_uri": url_for("gitlab.import_callback", _external=True),
        "response_type": "code",
        "scope": "read_api",
        "state": import_state,
    }
    return redirect(f"{GITLAB}/oauth/authorize?{urlencode(params)}")


@gitlab_bp.get("/import/callback")
def import_callback():
    user = _require_user()
    expected = session.pop("gitlab_state", "")
    if not expected or not hmac.compare_digest(expected, request.args.get("state", "")):
        abort(400)
    resp = requests.post(f"{GITLAB}/oauth/token", data={
        "grant_type": "authorization_code",
        "code": request.args["code"],
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uri": url_for("gitlab.import_callback", _external=True),
    }, timeout=10)
    resp.raise_for_status()
    _store_token(user, resp.json())
    return redirect(url_for("notes.index", imported="gitlab"))


@gitlab_bp.get("/mirror/start")
def start_mirror():
    user = _require_user()
    query = urlencode({
        "client_id": CLIENT_ID,
        "redirect_uri": url_for("gitlab.mirror_callback", _external=True),
        "response_type": "code",
        "scope": "api",
        "state": "mirror-" + user.username,
    })
    return redirect(GITLAB + "/oauth/authorize?" + query)


@gitlab_bp.get("/mirror/callback")
def mirror_callback():
    user = _require_user()
    token_resp = requests.post(GITLAB + "/oauth/token", data={
        "grant_type": "authorization_code",
        "code": request.args.get("code"),
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uri": url_for("gitlab.mirror_callback", _external=True),
    }, timeout=10)
    token_resp.raise_for_status()
    _store_token(user, token_resp.json())
    return redirect(url_for("notes.settings", linked="gitlab"))
