import os
from datetime import timedelta

from flask import Flask
from flask_jwt_extended import JWTManager
from flask_migrate import Migrate

from .models import User, db

migrate = Migrate()


def create_app():
    app = Flask(__name__)
    app.config.update(
        SQLALCHEMY_DATABASE_URI=os.environ.get("INVENTORY_DATABASE_URL"),
        JWT_SECRET_KEY=os.environ.get("INVENTORY_JWT_SECRET"),
        JWT_TOKEN_LOCATION=["headers"],
        JWT_ACCESS_TOKEN_EXPIRES=timedelta(minutes=15),
        JWT_REFRESH_TOKEN_EXPIRES=timedelta(days=7),
    )
    db.init_app(app)
    migrate.init_app(app, db)
    jwt = JWTManager(app)

    @jwt.user_lookup_loader
    def load_user(_jwt_header, jwt_data):
        return db.session.get(User, int(jwt_data["sub"]))

    @jwt.expired_token_loader
    def expired(_jwt_header, _jwt_data):
        return {"error": "token expired"}, 401

    from .auth import auth_bp
    from .items import items_bp

    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(items_bp, url_prefix="/items")
    return app
