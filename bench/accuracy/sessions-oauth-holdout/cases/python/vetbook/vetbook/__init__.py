"""Vetbook: appointment booking for a group of small-animal clinics."""
import logging
import os

from flask import Flask, render_template

from .config import CONFIGS
from .extensions import csrf, db, jwt, login_manager, oauth

log = logging.getLogger(__name__)


def _register_blueprints(app):
    from . import appointments, auth, integrations, mobile_api, payments, sso

    app.register_blueprint(auth.bp)
    app.register_blueprint(sso.bp)
    app.register_blueprint(appointments.bp)
    app.register_blueprint(integrations.bp)
    app.register_blueprint(payments.bp)
    app.register_blueprint(mobile_api.bp)
    # The mobile API authenticates with Authorization: Bearer only, never the session cookie.
    csrf.exempt(mobile_api.bp)


def _register_error_pages(app):
    @app.errorhandler(404)
    def not_found(_err):
        return render_template("errors/404.html"), 404

    @app.errorhandler(500)
    def server_error(err):
        log.exception("unhandled error: %s", err)
        return render_template("errors/500.html"), 500


def create_app(config_name=None):
    app = Flask(__name__)
    config_name = config_name or os.environ.get("VETBOOK_ENV", "production")
    app.config.from_object(CONFIGS[config_name])

    db.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)
    jwt.init_app(app)
    oauth.init_app(app)

    from .sso import register_clients

    register_clients()
    _register_blueprints(app)
    _register_error_pages(app)

    @app.context_processor
    def clinic_globals():
        return {"clinic_name": app.config["CLINIC_NAME"], "support_phone": app.config["SUPPORT_PHONE"]}

    return app
