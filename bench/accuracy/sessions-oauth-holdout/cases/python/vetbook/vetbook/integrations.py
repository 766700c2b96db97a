"""Clinic connections to the reference lab (results) and the pharmacy wholesaler (orders)."""
import os
import time

from flask import Blueprint, redirect, request, session, url_for
from flask_login import current_user, login_required
from requests_oauthlib import OAuth2Session

from .extensions import db
from .models import ProviderToken

bp = Blueprint("integrations", __name__, url_prefix="/clinic/integrations")

LAB_CLIENT_ID = os.environ.get("NORTHLAB_CLIENT_ID", "")
LAB_CLIENT_SECRET = os.environ.get("NORTHLAB_CLIENT_SECRET", "")
LAB_AUTH_URL = "https://portal.northlab.example/oauth/authorize"
LAB_TOKEN_URL = "https://portal.northlab.example/oauth/token"

PHARM_CLIENT_ID = os.environ.get("MEDIVET_CLIENT_ID", "")
PHARM_CLIENT_SECRET = os.environ.get("MEDIVET_CLIENT_SECRET", "")
PHARM_AUTH_URL = "https://api.medivet-wholesale.example/oauth2/auth"
PHARM_TOKEN_URL = "https://api.medivet-wholesale.example/oauth2/token"


def _store_token(provider, token):
    row = ProviderToken.query.filter_by(clinic_id=current_user.clinic_id, provider=provider).first()
    if row is None:
        row = ProviderToken(clinic_id=current_user.clinic_id, provider=provider)
        db.session.add(row)
    row.access_token = token["access_token"]
    row.refresh_token = token.get("refresh_token")
    row.expires_at = token.get("expires_at", time.time() + 3600)
    db.session.commit()


def _lab_callback_url():
    return url_for("integrations.lab_callback", _external=True)


@bp.route("/northlab/connect")
@login_required
def lab_connect():
    lab = OAuth2Session(LAB_CLIENT_ID, redirect_uri=_lab_callback_url(), scope=["results.read"])
    authorization_url, state = lab.authorization_url(LAB_AUTH_URL)
    session["lab_oauth_state"] = state
    return redirect(authorization_url)


@bp.route("/northlab/callback")
@login_required
def lab_callback():
    lab = OAuth2Session(LAB_CLIENT_ID, state=session["lab_oauth_state"], redirect_uri=_lab_callback_url())
    token = lab.fetch_token(LAB_TOKEN_URL, client_secret=LAB_CLIENT_SECRET, authorization_response=request.url)
    session.pop("lab_oauth_state", None)
    _store_token("northlab", token)
    return redirect(url_for("appointments.day_sheet", connected="northlab"))


@bp.route("/medivet/connect")
@login_required
def pharmacy_connect():
    wholesaler = OAuth2Session(PHARM_CLIENT_ID, scope=["orders.write"],
                               redirect_uri=url_for("integrations.pharmacy_callback", _external=True))
    consent_url, _ = wholesaler.authorization_url(PHARM_AUTH_URL, state="vetbook-medivet")
    return redirect(consent_url)


@bp.route("/medivet/callback")
@login_required
def pharmacy_callback():
    wholesaler = OAuth2Session(PHARM_CLIENT_ID, redirect_uri=url_for("integrations.pharmacy_callback", _external=True))
    token = wholesaler.fetch_token(PHARM_TOKEN_URL, client_secret=PHARM_CLIENT_SECRET, authorization_response=request.url)
    _store_token("medivet", token)
    return redirect(url_for("appointments.day_sheet", connected="medivet"))
