import json
import secrets

import redis
from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from flask import Flask, abort, flash, jsonify, make_response, redirect, render_template, request
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user, logout_user

from .settings import CONSOLE_SETTINGS

app = Flask(__name__)
app.config.update(CONSOLE_SETTINGS)

login_manager = LoginManager(app)
login_manager.login_view = "login"
store = redis.Redis.from_url(app.config["REDIS_URL"], decode_responses=True)
hasher = PasswordHasher()


class Admin(UserMixin):
    def __init__(self, name, password_hash):
        self.id = name
        self.password_hash = password_hash


def _admins():
    with open(app.config["ADMINS_FILE"]) as fh:
        return {name: Admin(name, h) for name, h in json.load(fh).items()}


@login_manager.user_loader
def load_admin(name):
    return _admins().get(name)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        admin = _admins().get(request.form.get("name", ""))
        try:
            if admin and hasher.verify(admin.password_hash, request.form.get("password", "")):
                login_user(admin, remember=True)
                resp = make_response(redirect("/flags"))
                resp.set_cookie("console_api_token", secrets.token_urlsafe(24), secure=True, httponly=True,
                                samesite=None)
                return resp
        except VerificationError:
            pass
        flash("Login failed")
    return render_template("login.html")


@app.get("/flags")
@login_required
def flags():
    return render_template("flags.html", flags=store.hgetall("feature_flags"))


@app.post("/flags/<name>")
@login_required
def set_flag(name):
    store.hset("feature_flags", name, "on" if request.form.get("enabled") == "1" else "off")
    store.lpush("flag_audit", json.dumps({"by": current_user.id, "flag": name}))
    return redirect(request.headers.get("Referer", "/flags"))


@app.post("/maintenance")
@login_required
def maintenance():
    if request.form.get("confirm") != "yes":
        abort(400)
    store.set("maintenance_mode", "1")
    return jsonify(maintenance=True)


@app.post("/logout")
@login_required
def logout():
    logout_user()
    return redirect("/login")
