import os
from datetime import timedelta

from flask import Flask

from .extensions import db, jwt, migrate
from .models import TokenBlocklist, User


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get("LEDGER_DATABASE_URL"),
        JWT_SECRET_KEY=os.environ.get("LEDGER_JWT_SECRET"),
        JWT_TOKEN_LOCATION=["headers"],
        JWT_ACCESS_TOKEN_EXPIRES=timedelta(minutes=10),
        JWT_REFRESH_TOKEN_EXPIRES=timedelta(days=5),
        BANK_CLIENT_ID=os.environ.get("BANK_CLIENT_ID"),
        BANK_CLIENT_SECRET=os.environ.get("BANK_CLIENT_SECRET"),
    )
    db.init_app(app)
    migrate.init_app(app, db)
    jwt.init_app(app)

    from .auth import auth_bp
    from .bank import bank_bp

    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(bank_bp, url_prefix="/bank")
    return app


@jwt.token_in_blocklist_loader
def is_revoked(_jwt_header, jwt_payload):
    if db.session.query(TokenBlocklist.id).filter_by(jti=jwt_payload["jti"]).scalar() is not None:
        return True
    user = db.session.get(User, int(jwt_payload["sub"]))
    return user is None or jwt_payload.get("ver") != user.token_version


@jwt.additional_claims_loader
def add_version(identity):
    user = db.session.get(User, int(identity))
    return {"ver": user.token_version if user else -1}
