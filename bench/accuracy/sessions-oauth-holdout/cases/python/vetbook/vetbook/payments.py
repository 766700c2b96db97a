"""Stripe deposit payments for appointments."""
import logging

import stripe
from flask import Blueprint, abort, current_app, jsonify, request

from .extensions import csrf, db
from .models import Appointment

bp = Blueprint("payments", __name__, url_prefix="/payments")
log = logging.getLogger(__name__)

HANDLED_EVENTS = {"checkout.session.completed", "checkout.session.async_payment_succeeded"}


def _mark_paid(appointment_id):
    appt = db.session.get(Appointment, appointment_id)
    if appt is None:
        log.warning("payment for unknown appointment %s", appointment_id)
        return
    appt.paid = True
    db.session.commit()


@bp.route("/stripe/webhook", methods=["POST"])
@csrf.exempt
def stripe_webhook():
    payload = request.get_data()
    signature = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(payload, signature, current_app.config["STRIPE_WEBHOOK_SECRET"])
    except (ValueError, stripe.SignatureVerificationError):
        abort(400)
    if event["type"] in HANDLED_EVENTS:
        metadata = event["data"]["object"].get("metadata") or {}
        if "appointment_id" in metadata:
            _mark_paid(int(metadata["appointment_id"]))
    return jsonify(received=True)
