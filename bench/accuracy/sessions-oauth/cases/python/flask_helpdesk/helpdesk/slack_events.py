import hashlib
import hmac
import os
import time

from flask import Blueprint, abort, jsonify, request

from . import csrf, db
from .models import Account, Ticket

slack_events_bp = Blueprint("slack_events", __name__, url_prefix="/slack")
SIGNING_SECRET = os.environ.get("SLACK_SIGNING_SECRET", "").encode()


def _verify_slack_request():
    timestamp = request.headers.get("X-Slack-Request-Timestamp", "0")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
        abort(403)
    base = b"v0:" + timestamp.encode() + b":" + request.get_data()
    expected = "v0=" + hmac.new(SIGNING_SECRET, base, hashlib.sha256).hexdigest()
    if not SIGNING_SECRET or not hmac.compare_digest(expected, request.headers.get("X-Slack-Signature", "")):
        abort(403)


@slack_events_bp.post("/events")
@csrf.exempt
def events():
    _verify_slack_request()
    payload = request.get_json(force=True)
    if payload.get("type") == "url_verification":
        return jsonify(challenge=payload["challenge"])
    event = payload.get("event", {})
    if event.get("type") == "app_mention":
        agent = Account.query.filter_by(slack_user_id=event.get("user"), kind="agent").first()
        if agent is not None:
            db.session.add(Ticket(requester_id=agent.id, subject=event.get("text", "")[:200]))
            db.session.commit()
    return "", 200
