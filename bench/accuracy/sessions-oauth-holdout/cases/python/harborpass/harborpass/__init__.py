"""HarborPass: berth rentals and dock-gate access for Saltmarsh Marina."""
import os
from datetime import timedelta

from flask import Flask
from flask_jwt_extended import JWTManager as TokenManager

from .models import db

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ.get("HARBORPASS_SECRET", ""),
    SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "postgresql://localhost/harborpass"),
    SESSION_COOKIE_NAME="harborpass_admin",
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SECURE=False,
    SESSION_COOKIE_SAMESITE="Lax",
    PERMANENT_SESSION_LIFETIME=timedelta(hours=10),
    JWT_SECRET_KEY=os.environ.get("HARBORPASS_JWT_SECRET", ""),
    JWT_TOKEN_LOCATION=["headers", "cookies"],
    JWT_ACCESS_COOKIE_NAME="harbor_jwt",
    JWT_REFRESH_COOKIE_NAME="refresh_token",
    JWT_ACCESS_TOKEN_EXPIRES=timedelta(minutes=20),
    JWT_REFRESH_TOKEN_EXPIRES=timedelta(days=7),
    MARINA_NAME="Saltmarsh Marina",
)

db.init_app(app)
tokens = TokenManager(app)


@tokens.user_lookup_loader
def load_berth_holder(_jwt_header, jwt_data):
    from .models import BerthHolder

    return db.session.get(BerthHolder, int(jwt_data["sub"]))


from . import admin, api, sso  # noqa: E402

app.register_blueprint(admin.bp)
app.register_blueprint(api.bp)
app.register_blueprint(sso.bp)
