import hmac
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from requests_oauthlib import OAuth2Session

from . import db
from .models import Account, hash_magic_token

auth_bp = Blueprint("auth", __name__)

SLACK_AUTHORIZE = "https://slack.com/oauth/v2/authorize"
SLACK_TOKEN = "https://slack.com/api/oauth.v2.access"


def _safe_target(value, fallback):
    if value and "\\" not in value:
        parts = urlsplit(value)
        if not parts.scheme and not parts.netloc and value.startswith("/") and not value.startswith("//"):
            return value
    return fallback


def start_agent_session(agent, remember=False):
    current_app.session_interface.regenerate(session)
    login_user(agent, remember=remember)


def _slack(**kwargs):
    return OAuth2Session(current_app.config["SLACK_CLIENT_ID"], scope=["openid", "email"],
                         redirect_uri=url_for("auth.slack_callback", _external=True), **kwargs)


@auth_bp.route("/agent/login", methods=["GET", "POST"])
def agent_login():
    if request.method == "POST":
        agent = Account.query.filter_by(email=request.form["email"].lower(), kind="agent").first()
        if agent and agent.check_password(request.form["password"]):
            start_agent_session(agent, remember="remember" in request.form)
            return redirect(_safe_target(request.args.get("next"), url_for("tickets.queue")))
        flash("Invalid login", "error")
    return render_template("agent_login.html")


@auth_bp.route("/portal/login", methods=["GET", "POST"])
def customer_login():
    if request.method == "POST":
        customer = Account.query.filter_by(email=request.form["email"].lower(), kind="customer").first()
        if customer and customer.check_password(request.form["password"]):
            login_user(customer)
            return redirect(request.values.get("return_to") or url_for("tickets.my_tickets"))
        flash("Invalid login", "error")
    return render_template("portal_login.html")


@auth_bp.get("/portal/magic/<token>")
def customer_magic_link(token):
    account = Account.query.filter_by(magic_token_hash=hash_magic_token(token), kind="customer").first_or_404()
    account.magic_token_hash = None
    db.session.commit()
    login_user(account)
    return redirect(url_for("tickets.my_tickets", via="magic"))


@auth_bp.get("/agent/slack")
def slack_start():
    url, state = _slack().authorization_url(SLACK_AUTHORIZE)
    session["slack_oauth_state"] = state
    return redirect(url)


@auth_bp.get("/agent/slack/callback")
def slack_callback():
    expected = session.pop("slack_oauth_state", None)
    if not expected or not hmac.compare_digest(expected, request.args.get("state", "")):
        abort(400)
    slack = _slack(state=expected)
    token = slack.fetch_token(SLACK_TOKEN, client_secret=current_app.config["SLACK_CLIENT_SECRET"],
                              authorization_response=request.url)
    agent = Account.query.filter_by(slack_user_id=token["authed_user"]["id"], kind="agent").first_or_404()
    login_user(agent, remember=True)
    return redirect(url_for("tickets.queue", via="slack"))


@auth_bp.post("/admin/impersonate/<int:account_id>")
@login_required
def impersonate(account_id):
    if current_user.kind != "admin":
        abort(403)
    target = Account.query.get_or_404(account_id)
    admin_id = current_user.id
    current_app.session_interface.regenerate(session)
    login_user(target)
    session["impersonator_id"] = admin_id
    return redirect(url_for("tickets.my_tickets", as_user=target.id))


@auth_bp.post("/logout")
@login_required
def logout():
    logout_user()
    session.clear()
    resp = redirect(url_for("auth.customer_login"))
    resp.delete_cookie("hd_last_queue")
    return resp
