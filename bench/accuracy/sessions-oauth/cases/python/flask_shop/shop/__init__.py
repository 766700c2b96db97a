import logging
import os

from flask import Flask
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from .config import config_by_name

db = SQLAlchemy()
login_manager = LoginManager()
csrf = CSRFProtect()

log = logging.getLogger(__name__)


def create_app(config_name=None):
    app = Flask(__name__)
    config_name = config_name or os.environ.get("SHOP_CONFIG", "production")
    app.config.from_object(config_by_name[config_name])

    db.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.session_protection = "strong"
    csrf.init_app(app)

    from .account import account_bp
    from .auth import auth_bp
    from .cart import cart_bp
    from .media import media_bp
    from .reviews import reviews_bp
    from .sso import oauth, sso_bp
    from .webhooks import webhooks_bp

    oauth.init_app(app)
    csrf.exempt(webhooks_bp)
    csrf.exempt(reviews_bp)  # review widget is rendered by the JS storefront

    for bp in (auth_bp, cart_bp, account_bp, sso_bp, webhooks_bp, reviews_bp, media_bp):
        app.register_blueprint(bp)

    @app.errorhandler(404)
    def not_found(_err):
        return {"error": "not found"}, 404

    log.info("shop started with %s config", config_name)
    return app


@login_manager.user_loader
def load_user(alternative_id):
    from .models import User

    return User.query.filter_by(alternative_id=alternative_id).first()
