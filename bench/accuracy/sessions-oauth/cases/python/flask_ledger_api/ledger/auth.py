from flask import Blueprint, abort, jsonify, request
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    decode_token,
    get_jwt,
    get_jwt_identity,
    jwt_required,
)

from .extensions import db
from .models import TokenBlocklist, User

auth_bp = Blueprint("auth", __name__)


def _revoke_current(token_type):
    claims = get_jwt()
    db.session.add(TokenBlocklist(jti=claims["jti"], token_type=token_type, user_id=int(claims["sub"])))


def _me():
    return db.session.get(User, int(get_jwt_identity())) or abort(401)


@auth_bp.post("/login")
def login():
    body = request.get_json(force=True)
    user = User.query.filter_by(email=body.get("email", "").lower()).first()
    if user is None or not user.check_password(body.get("password", "")):
        return jsonify(error="invalid credentials"), 401
    identity = str(user.id)
    return jsonify(access_token=create_access_token(identity), refresh_token=create_refresh_token(identity))


@auth_bp.post("/token/refresh")
@jwt_required(refresh=True)
def rotate_refresh():
    identity = get_jwt_identity()
    _revoke_current("refresh")
    db.session.commit()
    rotated = create_refresh_token(identity)
    return jsonify(access_token=create_access_token(identity), refresh_token=rotated)


@auth_bp.post("/token/access")
@jwt_required(refresh=True)
def access_only():
    return jsonify(access_token=create_access_token(get_jwt_identity()))


@auth_bp.post("/token/legacy-refresh")
def legacy_refresh():
    raw = request.get_json(force=True).get("refresh_token", "")
    claims = decode_token(raw)
    if claims.get("type") != "refresh":
        abort(401)
    return jsonify(access_token=create_access_token(claims["sub"]), refresh_token=raw)


@auth_bp.post("/token/sync-refresh")
@jwt_required(refresh=True)
def sync_refresh():
    identity = get_jwt_identity()
    new_refresh = create_refresh_token(identity, additional_claims={"client": "sync"})
    return jsonify(access_token=create_access_token(identity), refresh_token=new_refresh)


@auth_bp.delete("/logout")
@jwt_required()
def logout():
    _revoke_current("access")
    db.session.commit()
    return jsonify(msg="access token revoked")


@auth_bp.delete("/logout/all")
@jwt_required()
def logout_everywhere():
    user = _me()
    user.token_version += 1
    db.session.commit()
    return jsonify(msg="all sessions revoked")


@auth_bp.put("/password")
@jwt_required(fresh=True)
def change_password():
    body = request.get_json(force=True)
    user = _me()
    if not user.check_password(body.get("current_password", "")):
        return jsonify(error="wrong password"), 400
    user.set_password(body["new_password"])
    user.token_version += 1
    db.session.commit()
    return "", 204


@auth_bp.put("/admin/users/<int:user_id>/password")
@jwt_required()
def admin_reset_password(user_id):
    if _me().role != "admin":
        abort(403)
    target = db.session.get(User, user_id) or abort(404)
    target.set_password(request.get_json(force=True)["new_password"])
    db.session.commit()
    return "", 204
