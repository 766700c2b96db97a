"""Webhook from the book supplier announcing shipped orders for branches."""
import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

log = logging.getLogger(__name__)


def _valid_signature(request):
    sent = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(settings.SUPPLIER_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(sent, expected)


@csrf_exempt
@require_POST
def supplier_webhook(request):
    if not _valid_signature(request):
        return HttpResponseForbidden("bad signature")
    event = json.loads(request.body)
    if event.get("type") == "order.shipped":
        from catalogue.tasks import receive_shipment

        receive_shipment.delay(event["order_id"], event.get("branch_code"))
    else:
        log.info("ignoring supplier event %s", event.get("type"))
    return HttpResponse(status=204)
