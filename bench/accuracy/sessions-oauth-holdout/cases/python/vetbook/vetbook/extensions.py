"""Extension singletons for Vetbook; they are bound to the app in create_app()."""
from authlib.integrations.flask_client import OAuth
from flask_jwt_extended import JWTManager
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

db = SQLAlchemy()
csrf = CSRFProtect()
oauth = OAuth()

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message_category = "info"

# Bearer tokens for the owners' mobile app; revoked tokens are looked up by
# the blocklist loader registered in mobile_api.py.
jwt = JWTManager()


@login_manager.user_loader
def load_account(account_key):
    from .models import Owner, Staff

    kind, _, raw_id = account_key.partition(":")
    model = Staff if kind == "staff" else Owner
    return db.session.get(model, int(raw_id))
