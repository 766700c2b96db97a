"""Captain sign-in with HarbourMaster ID, and the Dockline visitor-booking import."""
import hmac
import os
import secrets
from urllib.parse import urlencode

import requests
from flask import Blueprint, abort, redirect, render_template, request, session, url_for

from .models import BerthHolder, PartnerBooking, db

bp = Blueprint("sso", __name__)

HM_AUTHORIZE_URL = "https://id.harbourmaster.example/oauth/authorize"
HM_TOKEN_URL = "https://id.harbourmaster.example/oauth/token"
HM_USERINFO_URL = "https://id.harbourmaster.example/oauth/userinfo"
HM_CLIENT_ID = os.environ.get("HM_CLIENT_ID", "")
HM_CLIENT_SECRET = os.environ.get("HM_CLIENT_SECRET", "")

DOCKLINE_AUTHORIZE_URL = "https://app.dockline.example/oauth/authorize"
DOCKLINE_TOKEN_URL = "https://app.dockline.example/oauth/token"
DOCKLINE_CLIENT_ID = os.environ.get("DOCKLINE_CLIENT_ID", "")
DOCKLINE_CLIENT_SECRET = os.environ.get("DOCKLINE_CLIENT_SECRET", "")


def _sign_in_captain(holder):
    session.clear()
    session["captain_id"] = holder.id


@bp.route("/captains/sso/start")
def hm_start():
    state = secrets.token_urlsafe(32)
    session["hm_state"] = state
    query = urlencode({"response_type": "code", "client_id": HM_CLIENT_ID, "scope": "openid email",
                       "redirect_uri": url_for("sso.hm_callback", _external=True), "state": state})
    return redirect(f"{HM_AUTHORIZE_URL}?{query}")


@bp.route("/captains/sso/callback")
def hm_callback():
    expected = session.pop("hm_state", "")
    if not expected or not hmac.compare_digest(expected, request.args.get("state", "")):
        abort(400)
    token = requests.post(HM_TOKEN_URL, data={"grant_type": "authorization_code", "code": request.args["code"],
                                              "redirect_uri": url_for("sso.hm_callback", _external=True),
                                              "client_id": HM_CLIENT_ID, "client_secret": HM_CLIENT_SECRET},
                          timeout=10).json()
    profile = requests.get(HM_USERINFO_URL, headers={"Authorization": f"Bearer {token['access_token']}"},
                           timeout=10).json()
    holder = BerthHolder.query.filter_by(hm_subject=profile["sub"]).first()
    if holder is None:
        return render_template("captains/not_registered.html", email=profile.get("email")), 403
    _sign_in_captain(holder)
    return redirect(url_for("sso.captain_home"))


@bp.route("/captains/home")
def captain_home():
    holder = db.session.get(BerthHolder, session.get("captain_id") or 0) or abort(401)
    return render_template("captains/home.html", holder=holder)


@bp.route("/office/partners/dockline/connect")
def dockline_connect():
    query = urlencode({"response_type": "code", "client_id": DOCKLINE_CLIENT_ID, "scope": "bookings.read",
                       "redirect_uri": url_for("sso.dockline_callback", _external=True),
                       "state": "harborpass"})
    return redirect(DOCKLINE_AUTHORIZE_URL + "?" + query)


@bp.route("/office/partners/dockline/callback")
def dockline_callback():
    grant = {"grant_type": "authorization_code", "code": request.args["code"],
             "client_id": DOCKLINE_CLIENT_ID, "client_secret": DOCKLINE_CLIENT_SECRET,
             "redirect_uri": url_for("sso.dockline_callback", _external=True)}
    token = requests.post(DOCKLINE_TOKEN_URL, data=grant, timeout=10).json()
    bookings = requests.get("https://app.dockline.example/api/v2/bookings?marina=saltmarsh",
                            headers={"Authorization": f"Bearer {token['access_token']}"}, timeout=10).json()
    for item in bookings.get("data", []):
        if not PartnerBooking.query.filter_by(external_ref=item["id"]).first():
            db.session.add(PartnerBooking(external_ref=item["id"], arrives_on=item["arrival_date"]))
    db.session.commit()
    return render_template("office/dockline_imported.html", count=len(bookings.get("data", [])))
