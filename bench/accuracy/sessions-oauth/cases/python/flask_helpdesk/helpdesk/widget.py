from datetime import datetime, timedelta, timezone

import jwt
from flask import Blueprint, current_app, jsonify, make_response, request
from flask_login import current_user, login_required

from . import db
from .models import Ticket

widget_bp = Blueprint("widget", __name__, url_prefix="/widget")


def _chat_token(account):
    now = datetime.now(timezone.utc)
    return jwt.encode({"sub": str(account.id), "iat": now, "exp": now + timedelta(hours=1)},
                      current_app.config["CHAT_JWT_KEY"], algorithm="HS256")


@widget_bp.post("/session")
@login_required
def open_chat():
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("chat_token", _chat_token(current_user), max_age=3600,
                    httponly=True, secure=True, samesite="None")
    return resp


@widget_bp.post("/tickets/<int:ticket_id>/reply")
@login_required
def quick_reply(ticket_id):
    ticket = Ticket.query.filter_by(id=ticket_id, requester_id=current_user.id).first_or_404()
    ticket.status = "open"
    ticket.updated_at = datetime.now(timezone.utc)
    db.session.commit()
    return jsonify(status=ticket.status, body_length=len(request.form.get("body", "")))


@widget_bp.post("/preferences")
def preferences():
    resp = make_response(jsonify(saved=True))
    resp.set_cookie("consent", request.form.get("consent", "essential"), max_age=180 * 86400,
                    samesite="Lax")
    return resp


@widget_bp.post("/session/refresh")
@login_required
def refresh_chat():
    resp = make_response(jsonify(ok=True, expires_in=3600))
    resp.set_cookie("chat_token", _chat_token(current_user), httponly=True, secure=True, samesite="Lax", max_age=3600)
    return resp


@widget_bp.post("/session/close")
def close_chat():
    resp = make_response(jsonify(closed=True))
    resp.delete_cookie("chat_token")
    return resp
