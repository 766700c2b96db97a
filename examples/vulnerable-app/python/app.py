import hashlib
from functools import wraps

from flask import Flask, abort, g, jsonify, make_response, redirect, request

import auth

app = Flask(__name__)
USERS = {}    # email -> {"id", "password", "role"}
AVATARS = {}  # user id -> PNG bytes


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ") or request.cookies.get("session")
        if not token:
            abort(401)
        claims = auth.read_token(token)
        g.user_id = claims["sub"]
        g.role = claims.get("role", "user")
        return view(*args, **kwargs)
    return wrapper


@app.post("/register")
def register():
    body = request.get_json()
    password_hash = auth.hash_password(body["password"])
    USERS[body["email"]] = {"id": body["email"], "password": password_hash, "role": "user"}
    return jsonify(ok=True), 201


@app.post("/login")
def login():
    body = request.get_json()
    user = USERS.get(body["email"])
    check = auth.check_staff_password if user and user["role"] == "staff" else auth.check_password
    if not user or not check(body["password"], user["password"]):
        return jsonify(error="invalid credentials"), 401
    resp = make_response(redirect(request.args.get("next", "/")))
    resp.set_cookie("session", auth.issue_token(user["id"], user["role"]))
    return resp


@app.post("/logout")
def logout():
    resp = make_response(jsonify(ok=True))
    resp.delete_cookie("session")
    return resp


@app.get("/admin/users")
@login_required
def list_users():
    if g.role != "admin":
        abort(403)
    return jsonify([{"id": u["id"], "role": u["role"]} for u in USERS.values()])


@app.get("/me/avatar")
@login_required
def avatar():
    data = AVATARS.get(g.user_id, b"")
    etag = hashlib.md5(data).hexdigest()
    if request.headers.get("If-None-Match") == etag:
        return "", 304
    resp = make_response(data)
    resp.headers["ETag"] = etag
    return resp
