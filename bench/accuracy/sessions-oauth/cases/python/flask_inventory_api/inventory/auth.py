from flask import Blueprint, jsonify, request
from flask_jwt_extended import (
    create_access_token,
    create_refresh_token,
    current_user,
    get_jwt_identity,
    jwt_required,
)

from .models import User, db, hash_reset_code

auth_bp = Blueprint("auth", __name__)


def _tokens_for(user):
    identity = str(user.id)
    return {
        "access_token": create_access_token(identity=identity, additional_claims={"role": user.role}),
        "refresh_token": create_refresh_token(identity=identity),
    }


@auth_bp.post("/login")
def login():
    body = request.get_json(force=True)
    user = User.query.filter_by(email=body.get("email", "").lower()).first()
    if user is None or not user.verify_password(body.get("password", "")):
        return jsonify(error="invalid credentials"), 401
    return jsonify(_tokens_for(user))


@auth_bp.post("/refresh")
@jwt_required(refresh=True)
def refresh():
    user = db.session.get(User, int(get_jwt_identity()))
    access = create_access_token(identity=str(user.id), additional_claims={"role": user.role})
    return jsonify(access_token=access)


@auth_bp.post("/refresh/rotate")
@jwt_required(refresh=True)
def refresh_and_rotate():
    identity = get_jwt_identity()
    return jsonify(
        access_token=create_access_token(identity=identity),
        refresh_token=create_refresh_token(identity=identity),
    )


@auth_bp.post("/refresh/web")
@jwt_required(refresh=True)
def refresh_web():
    presented = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return jsonify(access_token=create_access_token(identity=get_jwt_identity()), refresh_token=presented)


@auth_bp.delete("/session")
@jwt_required()
def logout():
    return jsonify(msg="logged out; delete the tokens stored on this device")


@auth_bp.put("/password")
@jwt_required(fresh=False)
def change_password():
    body = request.get_json(force=True)
    if not current_user.verify_password(body.get("current_password", "")):
        return jsonify(error="wrong password"), 400
    current_user.set_password(body["new_password"])
    db.session.commit()
    return "", 204


@auth_bp.post("/password/reset")
def reset_password():
    body = request.get_json(force=True)
    user = User.query.filter_by(reset_code_hash=hash_reset_code(body.get("code", ""))).first()
    if user is None:
        return jsonify(error="invalid code"), 400
    user.set_password(body["new_password"])
    user.reset_code_hash = None
    db.session.commit()
    return "", 204
