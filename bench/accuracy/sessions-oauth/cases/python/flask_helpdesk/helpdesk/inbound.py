import hashlib
import hmac
import logging

from flask import Blueprint, abort, current_app, request

from . import db
from .models import Account, Ticket

inbound_bp = Blueprint("inbound", __name__, url_prefix="/inbound")
log = logging.getLogger(__name__)


def _verify_signature():
    secret = current_app.config["INBOUND_MAIL_SECRET"].encode()
    sent = request.headers.get("X-Mail-Signature", "")
    expected = "sha256=" + hmac.new(secret, request.get_data(), hashlib.sha256).hexdigest()
    if not secret or not hmac.compare_digest(sent, expected):
        log.warning("inbound mail with bad signature from %s", request.remote_addr)
        abort(403)


@inbound_bp.post("/mail")
def inbound_mail():
    _verify_signature()
    payload = request.get_json(force=True)
    sender = Account.query.filter_by(email=payload["from"].lower()).first()
    if sender is None:
        sender = Account(email=payload["from"].lower(), name=payload.get("from_name", "Customer"))
        db.session.add(sender)
        db.session.flush()
    db.session.add(Ticket(requester_id=sender.id, subject=payload.get("subject", "(no subject)")[:200]))
    db.session.commit()
    return "", 204
