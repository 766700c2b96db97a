import secrets

from flask import Blueprint, flash, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user, fresh_login_required, login_required, login_user

from . import db
from .forms import ChangePasswordForm, PreferencesForm
from .models import Order

account_bp = Blueprint("account", __name__, url_prefix="/account")

TRUSTED_DEVICE_DAYS = 30
_HARDENED = {"httponly": True, "secure": True, "samesite": "Strict"}


def _trusted_device_cookie_options():
    return dict(_HARDENED, max_age=TRUSTED_DEVICE_DAYS * 86400, path="/account")


@account_bp.get("/")
@login_required
def profile():
    return render_template("account/profile.html", user=current_user)


@account_bp.get("/orders")
@login_required
def orders():
    rows = Order.query.filter_by(user_id=current_user.id).order_by(Order.created_at.desc()).all()
    return render_template("account/orders.html", orders=rows)


@account_bp.route("/password", methods=["GET", "POST"])
@fresh_login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not current_user.check_password(form.current.data):
            flash("Current password is wrong.", "error")
            return render_template("account/password.html", form=form), 400
        current_user.set_password(form.new.data)
        current_user.alternative_id = secrets.token_hex(32)
        db.session.commit()
        user = current_user._get_current_object()
        session.clear()
        login_user(user, fresh=True)
        flash("Password updated; other devices have been signed out.")
        return redirect(url_for("account.profile"))
    return render_template("account/password.html", form=form)


@account_bp.post("/devices/trust")
@fresh_login_required
def trust_device():
    resp = make_response(redirect(url_for("account.profile", trusted=1)))
    device_token = secrets.token_urlsafe(32)
    resp.set_cookie("device_token", device_token, max_age=TRUSTED_DEVICE_DAYS * 86400, httponly=True, secure=True)
    return resp


@account_bp.post("/devices/trust-v2")
@fresh_login_required
def trust_device_v2():
    resp = make_response(redirect(url_for("account.profile", trusted=2)))
    resp.set_cookie("trusted_device", secrets.token_urlsafe(32), **_trusted_device_cookie_options())
    return resp


@account_bp.post("/preferences")
@login_required
def preferences():
    form = PreferencesForm()
    resp = make_response(redirect(url_for("account.profile", saved=1)))
    if form.validate_on_submit():
        resp.set_cookie("theme", form.theme.data, max_age=365 * 86400)
        resp.set_cookie("last_seen_tab", request.form.get("tab", "orders"))
    return resp
