import hashlib
from urllib.parse import urlparse

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import confirm_login, current_user, login_required, login_user, logout_user

from . import db
from .forms import LoginForm, SignupForm
from .models import User

auth_bp = Blueprint("auth", __name__, url_prefix="/auth")


def _is_local_url(target):
    if not target or "\\" in target:
        return False
    parts = urlparse(target)
    return not parts.scheme and not parts.netloc and not target.startswith("//")


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = User.query.filter_by(email=form.email.data.lower()).first()
        if user is None or not user.check_password(form.password.data):
            flash("Invalid email or password.", "error")
            return render_template("auth/login.html", form=form), 401
        next_url = request.args.get("next")
        session.clear()
        login_user(user, remember=form.remember.data)
        if _is_local_url(next_url):
            return redirect(next_url)
        return redirect(url_for("cart.view_cart"))
    return render_template("auth/login.html", form=form)


@auth_bp.route("/signup", methods=["GET", "POST"])
def signup():
    form = SignupForm()
    if form.validate_on_submit():
        if User.query.filter_by(email=form.email.data.lower()).first():
            flash("That email is already registered.", "error")
            return render_template("auth/signup.html", form=form), 409
        new_user = User(email=form.email.data.lower(), display_name=form.name.data)
        new_user.set_password(form.password.data)
        db.session.add(new_user)
        db.session.commit()
        login_user(new_user)
        return redirect(url_for("account.profile"))
    return render_template("auth/signup.html", form=form)


@auth_bp.get("/magic/<token>")
def magic_link(token):
    digest = hashlib.sha256(token.encode()).hexdigest()
    user = User.query.filter_by(login_token_hash=digest).first()
    if user is None:
        abort(404)
    user.login_token_hash = None
    db.session.commit()
    login_user(user, remember=False)
    return redirect(url_for("account.orders"))


@auth_bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invite(token):
    invitee = User.query.filter_by(login_token_hash=hashlib.sha256(token.encode()).hexdigest()).first_or_404()
    if request.method == "POST":
        invitee.set_password(request.form["password"])
        invitee.login_token_hash = None
        db.session.commit()
        login_user(invitee, remember=True, fresh=False)
        return redirect(url_for("account.profile", welcome=1))
    return render_template("auth/invite.html", email=invitee.email)


@auth_bp.route("/reauth", methods=["GET", "POST"])
@login_required
def reauthenticate():
    if request.method == "POST":
        if not current_user.check_password(request.form.get("password", "")):
            flash("Wrong password.", "error")
            return render_template("auth/reauth.html"), 401
        confirm_login()
        return redirect(request.args.get("next") or url_for("account.profile"))
    return render_template("auth/reauth.html")


@auth_bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash("You have been signed out.")
    return redirect(url_for("auth.login"))
