from flask import jsonify
from flask_jwt_extended import JWTManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
migrate = Migrate()
jwt = JWTManager()


@jwt.expired_token_loader
def _expired(_jwt_header, jwt_payload):
    kind = jwt_payload.get("type", "access")
    return jsonify(error=f"{kind} token expired"), 401


@jwt.revoked_token_loader
def _revoked(_jwt_header, _jwt_payload):
    return jsonify(error="token revoked"), 401


@jwt.invalid_token_loader
def _invalid(reason):
    return jsonify(error="invalid token", detail=reason), 422


@jwt.unauthorized_loader
def _missing(reason):
    return jsonify(error="authorization required", detail=reason), 401


@jwt.needs_fresh_token_loader
def _needs_fresh(_jwt_header, _jwt_payload):
    return jsonify(error="fresh login required"), 401
