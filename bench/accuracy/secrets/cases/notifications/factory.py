import os
import secrets

from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)
    app.secret_key = os.urandom(32)
    app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
    app.config["WTF_CSRF_SECRET_KEY"] = secrets.token_hex(32)
    return app
