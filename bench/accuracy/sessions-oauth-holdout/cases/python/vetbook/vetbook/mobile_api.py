"""JSON API for the owners' mobile app (bearer tokens from Flask-JWT-Extended)."""
from flask import Blueprint, jsonify, request
from flask_jwt_extended import create_access_token, create_refresh_token, get_jwt, get_jwt_identity, jwt_required

from .extensions import db, jwt
from .models import Owner, TokenBlocklist

bp = Blueprint("mobile_api", __name__, url_prefix="/api/mobile")


@jwt.token_in_blocklist_loader
def token_is_revoked(_jwt_header, jwt_payload):
    return db.session.query(TokenBlocklist.id).filter_by(jti=jwt_payload["jti"]).first() is not None


def _revoke(payload):
    db.session.add(TokenBlocklist(jti=payload["jti"], token_type=payload["type"]))


@bp.post("/login")
def login():
    body = request.get_json(silent=True) or {}
    owner = Owner.query.filter_by(email=str(body.get("email", "")).strip().lower()).first()
    if owner is None or not owner.check_password(str(body.get("password", ""))):
        return jsonify(error="invalid_credentials"), 401
    identity = str(owner.id)
    return jsonify(access_token=create_access_token(identity=identity), refresh_token=create_refresh_token(identity=identity))


@bp.post("/token/refresh")
@jwt_required(refresh=True)
def refresh():
    _revoke(get_jwt())
    db.session.commit()
    identity = get_jwt_identity()
    new_refresh = create_refresh_token(identity=identity)
    return jsonify(access_token=create_access_token(identity=identity), refresh_token=new_refresh)


@bp.get("/pets")
@jwt_required()
def pets():
    owner = db.session.get(Owner, int(get_jwt_identity()))
    return jsonify([{"id": p.id, "name": p.name, "species": p.species} for p in owner.pets])


@bp.post("/logout")
@jwt_required(verify_type=False)
def logout():
    _revoke(get_jwt())
    db.session.commit()
    return jsonify(msg="signed out")
