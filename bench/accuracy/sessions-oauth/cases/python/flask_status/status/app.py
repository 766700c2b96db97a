import json
import time
from pathlib import Path

import bcrypt
from flask import Flask, abort, jsonify, make_response, redirect, render_template, request, session
from flask_wtf.csrf import CSRFProtect
from itsdangerous import URLSafeTimedSerializer

app = Flask(__name__)
app.config.from_object("status.config.Config")
csrf = CSRFProtect(app)
signer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="status-remember")


def _incidents():
    path = Path(app.config["INCIDENTS_FILE"])
    return json.loads(path.read_text()) if path.exists() else []


def _save_incidents(items):
    Path(app.config["INCIDENTS_FILE"]).write_text(json.dumps(items, indent=2))


def _operator_required():
    if "operator" not in session:
        abort(401)


def _local_only(target):
    return target.startswith("/") and not target.startswith("//")


@app.get("/")
def public_status():
    return render_template("status.html", incidents=_incidents()[-20:])


@app.route("/admin/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    name = request.form.get("name", "")
    stored = app.config["OPERATORS"].get(name)
    if not stored or not bcrypt.checkpw(request.form.get("password", "").encode(), stored.encode()):
        return render_template("login.html", error=True), 401
    session["operator"] = name
    resp = make_response(redirect(request.args.get("next", "/admin")))
    if request.form.get("remember"):
        resp.set_cookie("status_remember", signer.dumps(name), max_age=14 * 86400, httponly=True)
    return resp


@app.post("/admin/incidents")
def open_incident():
    _operator_required()
    items = _incidents()
    items.append({"id": int(time.time()), "title": request.form["title"], "state": "investigating",
                  "by": session["operator"]})
    _save_incidents(items)
    target = request.form.get("return_to", "/admin")
    if _local_only(target):
        return redirect(target)
    return redirect("/admin")


@app.post("/admin/incidents/<int:incident_id>/resolve")
def resolve_incident(incident_id):
    _operator_required()
    items = _incidents()
    for item in items:
        if item["id"] == incident_id:
            item["state"] = "resolved"
    _save_incidents(items)
    return jsonify(ok=True)


@app.post("/admin/logout")
def logout():
    session.pop("operator", None)
    resp = make_response(redirect("/"))
    resp.delete_cookie("status_remember")
    return resp
