"""Password logins for pet owners, clinic staff and the waiting-room kiosk."""
from urllib.parse import urlparse

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import login_required, login_user, logout_user

from .models import Owner, Staff

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _is_local_target(target):
    if not target or target.startswith("//") or "\\" in target:
        return False
    parts = urlparse(target)
    return parts.scheme == "" and parts.netloc == ""


def start_session(account, remember=False):
    """Log an account in on a fresh session (used by password and SSO logins)."""
    session.clear()
    login_user(account, remember=remember)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("auth/login.html")
    owner = Owner.query.filter_by(email=request.form["email"].strip().lower()).first()
    if owner is None or not owner.check_password(request.form["password"]):
        flash("Unknown e-mail address or wrong password.", "error")
        return render_template("auth/login.html"), 401
    start_session(owner, remember=bool(request.form.get("remember")))
    target = request.args.get("next")
    if not _is_local_target(target):
        target = url_for("appointments.upcoming")
    return redirect(target)


@bp.route("/staff/login", methods=["GET", "POST"])
def staff_login():
    if request.method == "GET":
        return render_template("auth/staff_login.html")
    staff = Staff.query.filter_by(badge_no=request.form["badge_no"].strip()).first()
    if staff is None or not staff.check_password(request.form["password"]):
        return render_template("auth/staff_login.html", error=True), 401
    login_user(staff)
    return redirect(request.form.get("next") or url_for("appointments.day_sheet"))


@bp.route("/kiosk/check-in", methods=["POST"])
def kiosk_check_in():
    owner = Owner.query.filter_by(phone=request.form["phone"].strip()).first()
    if owner is None or not owner.check_pin(request.form["pin"]):
        return render_template("kiosk/check_in.html", error=True), 401
    session["kiosk_owner_id"] = owner.id
    return_to = request.args.get("return_to", "")
    if return_to.startswith("/"):
        return redirect(return_to)
    return redirect(url_for("appointments.today_for_owner"))


@bp.route("/preferences/theme", methods=["POST"])
@login_required
def set_theme():
    choice = request.form.get("theme", "light")
    if choice not in ("light", "dark", "high-contrast"):
        choice = "light"
    session["theme"] = choice
    return redirect(url_for("auth.preferences"))


@bp.route("/preferences")
@login_required
def preferences():
    return render_template("auth/preferences.html", theme=session.get("theme", "light"))


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))
