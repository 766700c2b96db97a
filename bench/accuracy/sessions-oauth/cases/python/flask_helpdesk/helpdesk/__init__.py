import os

from flask import Flask
from flask_login import LoginManager
from flask_session import Session
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

db = SQLAlchemy()
login_manager = LoginManager()
csrf = CSRFProtect()
server_sessions = Session()


def create_app(config_object=None):
    app = Flask(__name__)
    app.config.from_object(config_object or os.environ.get("HELPDESK_CONFIG", "helpdesk.settings.Config"))

    db.init_app(app)
    server_sessions.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.agent_login"
    csrf.init_app(app)

    from .auth import auth_bp
    from .inbound import inbound_bp
    from .slack_events import slack_events_bp
    from .tickets import tickets_bp
    from .widget import widget_bp

    csrf.exempt(inbound_bp)
    csrf.exempt(widget_bp)
    for bp in (auth_bp, tickets_bp, inbound_bp, widget_bp, slack_events_bp):
        app.register_blueprint(bp)
    return app


@login_manager.user_loader
def load_user(user_id):
    from .models import Account

    return db.session.get(Account, int(user_id))
