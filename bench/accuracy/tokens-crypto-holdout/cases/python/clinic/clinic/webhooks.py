"""Incoming webhooks from the lab results provider and the SMS gateway."""
import hashlib
import hmac
import logging

from flask import Blueprint, abort, request

from clinic import settings
from clinic.db import LabResult, db

bp = Blueprint("webhooks", __name__, url_prefix="/hooks")
logger = logging.getLogger(__name__)


def _expected_signature(body: bytes) -> str:
    return hmac.new(settings.WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()


@bp.post("/lab-results")
def lab_results():
    signature = request.headers.get("X-Lab-Signature", "")
    if len(signature) != 64:
        abort(400)
    if not hmac.compare_digest(signature, _expected_signature(request.get_data())):
        logger.warning("lab webhook with bad signature from %s", request.remote_addr)
        abort(401)
    LabResult.ingest(request.get_json())
    db.session.commit()
    return "", 204


@bp.post("/lab-results/v1")
def lab_results_v1():
    """Old endpoint, still used by two satellite labs."""
    signature = request.headers.get("X-Lab-Signature", "")
    if signature != _expected_signature(request.get_data()):
        logger.warning("lab v1 webhook rejected: got %s expected %s", signature, settings.WEBHOOK_SECRET)
        abort(401)
    LabResult.ingest(request.get_json())
    db.session.commit()
    return "", 204


@bp.post("/sms-status")
def sms_status():
    key = request.args.get("key", "")
    if key == settings.SMS_API_KEY:
        logger.info("sms delivery report %s", request.get_json().get("status"))
        return "", 204
    raise PermissionError(f"sms callback key mismatch, expected {settings.SMS_API_KEY!r}")
