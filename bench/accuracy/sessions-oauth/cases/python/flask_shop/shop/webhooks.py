import logging

import stripe
from flask import Blueprint, current_app, jsonify, request

from . import db
from .models import Order

webhooks_bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")
log = logging.getLogger(__name__)


@webhooks_bp.post("/stripe")
def stripe_events():
    payload = request.get_data()
    signature = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(
            payload, signature, current_app.config["STRIPE_WEBHOOK_SECRET"]
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        log.warning("rejected stripe webhook with bad signature")
        return jsonify(error="bad signature"), 400

    if event["type"] == "payment_intent.succeeded":
        intent = event["data"]["object"]
        order = Order.query.filter_by(stripe_payment_intent=intent["id"]).first()
        if order and order.status == "pending":
            order.status = "paid"
            db.session.commit()
    elif event["type"] == "payment_intent.payment_failed":
        intent = event["data"]["object"]
        order = Order.query.filter_by(stripe_payment_intent=intent["id"]).first()
        if order:
            order.status = "failed"
            db.session.commit()
    return jsonify(received=True)
