"""Single sign-on for pet owners through Authlib-registered identity providers."""
import os

from flask import Blueprint, abort, flash, redirect, url_for

from .auth import start_session
from .extensions import db, oauth
from .models import Owner

bp = Blueprint("sso", __name__, url_prefix="/sso")

ENABLED_PROVIDERS = ("google", "clinicpass", "pawid", "petinsure")


def _google_settings():
    return {
        "client_id": os.environ.get("GOOGLE_CLIENT_ID", ""),
        "client_secret": os.environ.get("GOOGLE_CLIENT_SECRET", ""),
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
        "client_kwargs": {"scope": "openid email profile"},
    }


# PawID (the microchip registry) and PetInsure only issue public client
# registrations to partner front ends: there is no client secret for them.
PAWID_KWARGS = {"scope": "openid email pets.read", "token_endpoint_auth_method": "none"}


def register_clients():
    oauth.register("google", **_google_settings())
    oauth.register("clinicpass",
                   client_id=os.environ.get("CLINICPASS_CLIENT_ID", ""),
                   server_metadata_url="https://login.clinicpass.example/.well-known/openid-configuration",
                   client_kwargs={"scope": "openid email", "code_challenge_method": "S256",
                                  "token_endpoint_auth_method": "none"})
    oauth.register("pawid",
                   client_id=os.environ.get("PAWID_CLIENT_ID", ""),
                   authorize_url="https://id.pawid.example/oauth2/authorize",
                   access_token_url="https://id.pawid.example/oauth2/token",
                   userinfo_endpoint="https://id.pawid.example/oauth2/userinfo",
                   client_kwargs=PAWID_KWARGS)
    oauth.register("petinsure",
                   client_id=os.environ.get("PETINSURE_CLIENT_ID", ""),
                   server_metadata_url="https://auth.petinsure.example/.well-known/openid-configuration",
                   client_kwargs={"scope": "openid email policies.read",
                                  "code_challenge_method": "plain",
                                  "token_endpoint_auth_method": "none"})


def _client(provider):
    if provider not in ENABLED_PROVIDERS:
        abort(404)
    return oauth.create_client(provider)


@bp.route("/<provider>/start")
def start(provider):
    client = _client(provider)
    callback = url_for("sso.finish", provider=provider, _external=True)
    return client.authorize_redirect(callback)


@bp.route("/<provider>/callback")
def finish(provider):
    client = _client(provider)
    token = client.authorize_access_token()
    profile = token.get("userinfo") or client.userinfo()
    email = (profile.get("email") or "").strip().lower()
    if not email:
        flash("Your provider did not share an e-mail address.", "error")
        abort(400)
    owner = Owner.query.filter_by(email=email).first()
    if owner is None:
        owner = Owner(email=email, display_name=profile.get("name") or email.split("@")[0])
        db.session.add(owner)
        db.session.commit()
    start_session(owner)
    return redirect(url_for("appointments.upcoming"))
