import logging

import stripe
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Rsvp

log = logging.getLogger(__name__)

HANDLED = {"checkout.session.completed", "checkout.session.expired", "charge.refunded"}


def _rsvp_from(obj):
    meta = obj.get("metadata") or {}
    return Rsvp.objects.select_for_update().filter(pk=meta.get("rsvp_id")).first()


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = stripe.Webhook.construct_event(
            request.body, request.META.get("HTTP_STRIPE_SIGNATURE", ""), settings.STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        log.warning("stripe webhook rejected: bad signature")
        return HttpResponseBadRequest("invalid signature")
    if event["type"] not in HANDLED:
        return HttpResponse(status=204)
    with transaction.atomic():
        rsvp = _rsvp_from(event["data"]["object"])
        if rsvp is None:
            return HttpResponse(status=204)
        if event["type"] == "checkout.session.completed":
            rsvp.status = "paid"
        elif event["type"] == "checkout.session.expired":
            rsvp.status = "going"
        else:
            rsvp.status = "refunded"
        rsvp.save(update_fields=["status"])
    return HttpResponse(status=200)
