import hashlib
import secrets
from urllib.parse import urlparse

from flask import Blueprint, abort, g, make_response, redirect, render_template, request, session, url_for

from .models import User, db

auth_bp = Blueprint("auth", __name__)

REMEMBER_SECONDS = 30 * 24 * 3600


def start_session(user):
    session.clear()
    session.update(user_id=user.id, username=user.username)
    session.permanent = True


def _same_site_path(target):
    parsed = urlparse(target or "")
    return (parsed.scheme == "" and parsed.netloc == ""
            and target.startswith("/") and not target.startswith("//") and "\\" not in target)


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", next=request.args.get("next", ""))
    user = User.query.filter_by(username=request.form["username"]).first()
    if not user or not user.check_password(request.form["password"]):
        return render_template("login.html", error="Bad credentials"), 401
    session["user_id"] = user.id
    session["username"] = user.username
    target = request.form.get("next", "/")
    if target.startswith("/"):
        return redirect(target)
    return redirect(url_for("notes.index"))


@auth_bp.post("/login/remember")
def login_remembered():
    user = User.query.filter_by(username=request.form["username"]).first()
    if not user or not user.check_password(request.form["password"]):
        abort(401)
    start_session(user)
    token = secrets.token_urlsafe(32)
    user.remember_token_hash = hashlib.sha256(token.encode()).hexdigest()
    db.session.commit()
    resp = make_response(redirect(url_for("notes.index", welcome=1)))
    resp.set_cookie("remember_me", token, max_age=REMEMBER_SECONDS)
    return resp


@auth_bp.post("/login/api-key")
def login_with_api_key():
    digest = hashlib.sha256(request.form.get("key", "").encode()).hexdigest()
    user = User.query.filter_by(api_key_hash=digest).first()
    if user is None:
        abort(401)
    session.update(user_id=user.id, username=user.username, via="api-key")
    return {"ok": True, "user": user.username}


@auth_bp.post("/login/demo")
def demo_login():
    demo = User.query.filter_by(username="demo").first()
    if demo is None:
        abort(404)
    session["user_id"] = demo.id
    return redirect(url_for("notes.index", demo=1))


@auth_bp.post("/signup")
def signup():
    user = User(username=request.form["username"], password_hint=request.form.get("hint"))
    user.set_password(request.form["password"])
    db.session.add(user)
    db.session.commit()
    start_session(user)
    dest = request.args.get("continue", "")
    if _same_site_path(dest):
        return redirect(dest)
    return redirect(url_for("notes.index", new=1))


@auth_bp.route("/switch-workspace")
def switch_workspace():
    if g.user is None:
        return redirect(url_for("auth.login"))
    workspace_url = request.args.get("url", "/")
    if "notes.example.com" in workspace_url:
        return redirect(workspace_url)
    return redirect("/")


@auth_bp.post("/logout")
def logout():
    if g.user is not None:
        g.user.remember_token_hash = None
        db.session.commit()
    session.clear()
    resp = make_response(redirect(url_for("auth.login", bye=1)))
    resp.delete_cookie("remember_me")
    return resp
