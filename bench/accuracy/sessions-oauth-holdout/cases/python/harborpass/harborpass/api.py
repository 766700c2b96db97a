"""Berth-holder API used by the web portal and the dock-gate tablets."""
from flask import Blueprint, jsonify, make_response, request
from flask_jwt_extended import (create_access_token, create_refresh_token, current_user,
                                get_jwt_identity, jwt_required)
from werkzeug.security import generate_password_hash

from .models import Berth, BerthHolder, db

bp = Blueprint("api", __name__, url_prefix="/api")

TOKEN_COOKIE_FLAGS = {"httponly": True, "secure": True, "samesite": "Strict", "max_age": 20 * 60}


@bp.post("/login")
def login():
    body = request.get_json(silent=True) or {}
    holder = BerthHolder.query.filter_by(email=str(body.get("email", "")).lower()).first()
    if holder is None or not holder.check_password(str(body.get("password", ""))):
        return jsonify(error="invalid_credentials"), 401
    access = create_access_token(identity=str(holder.id))
    refresh = create_refresh_token(identity=str(holder.id))
    resp = make_response(jsonify(holder_id=holder.id, vessel=holder.vessel_name))
    resp.set_cookie("harbor_jwt", access, **TOKEN_COOKIE_FLAGS)
    resp.set_cookie("refresh_token", refresh, httponly=True, path="/api/token")
    return resp


@bp.post("/token/refresh")
@jwt_required(refresh=True)
def refresh_access():
    return jsonify(access_token=create_access_token(identity=get_jwt_identity()))


@bp.post("/gate-tablets/token/refresh")
@jwt_required(refresh=True)
def refresh_tablet():
    identity = get_jwt_identity()
    tablet_refresh = create_refresh_token(identity=identity)
    return jsonify(access_token=create_access_token(identity=identity), refresh_token=tablet_refresh)


@bp.get("/berths/mine")
@jwt_required()
def my_berths():
    rows = Berth.query.filter_by(holder_id=current_user.id).all()
    return jsonify([{"pier": b.pier, "number": b.number, "length_m": float(b.length_m)} for b in rows])


@bp.post("/preferences/language")
@jwt_required()
def set_language():
    lang = request.get_json(silent=True, force=True).get("lang", "en")
    resp = make_response(jsonify(lang=lang))
    resp.set_cookie("harbor_lang", lang, max_age=365 * 24 * 3600)
    return resp


@bp.post("/account/password")
@jwt_required()
def change_password():
    body = request.get_json(silent=True) or {}
    if not current_user.check_password(str(body.get("current_password", ""))):
        return jsonify(error="wrong_password"), 403
    current_user.password_hash = generate_password_hash(body["new_password"])
    db.session.commit()
    return jsonify(msg="password changed")


@bp.post("/logout")
@jwt_required(optional=True)
def logout():
    resp = make_response(jsonify(msg="signed out"))
    resp.delete_cookie("harbor_jwt")
    resp.delete_cookie("refresh_token", path="/api/token")
    return resp
