import hmac
import os
import secrets
from urllib.parse import urlencode

import requests
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse

from .models import FhirConnection, WearableLink

FHIR_BASE = os.environ.get("FHIR_BASE_URL", "https://fhir.example.net/r4")
FHIR_AUTHORIZE = FHIR_BASE + "/auth/authorize"
FHIR_TOKEN = FHIR_BASE + "/auth/token"
FHIR_CLIENT_ID = os.environ.get("FHIR_CLIENT_ID")

oauth = OAuth()
ehr_client = oauth.register(
    name="ehr",
    client_id=settings.EHR_CLIENT_ID,
    client_secret=settings.EHR_CLIENT_SECRET,
    server_metadata_url="https://ehr.example.net/.well-known/openid-configuration",
    client_kwargs={"scope": "openid profile patient/*.read"},
)
wearables_client = oauth.register(
    name="wearables",
    client_id=os.environ.get("WEARABLES_CLIENT_ID"),
    authorize_url="https://wearables.example.com/oauth2/authorize",
    access_token_url="https://wearables.example.com/oauth2/token",
    client_kwargs={
        "scope": "activity heartrate",
        "token_endpoint_auth_method": "none",
        "code_challenge_method": "S256",
    },
)


@login_required
def ehr_start(request):
    return ehr_client.authorize_redirect(request, request.build_absolute_uri("/oauth/ehr/callback/"))


@login_required
def ehr_callback(request):
    token = ehr_client.authorize_access_token(request)
    FhirConnection.objects.update_or_create(patient=request.user, defaults={"ehr_token": token})
    return redirect("portal:home")


@login_required
def wearables_start(request):
    return wearables_client.authorize_redirect(request, request.build_absolute_uri("/oauth/wearables/callback/"))


@login_required
def wearables_callback(request):
    token = wearables_client.authorize_access_token(request)
    WearableLink.objects.update_or_create(patient=request.user, defaults={"token": token})
    return redirect(reverse("portal:home") + "?linked=wearables")


@login_required
def fhir_start(request):
    verifier = secrets.token_urlsafe(64)
    fhir_state = secrets.token_urlsafe(24)
    request.session["fhir_pkce"] = {"verifier": verifier, "state": fhir_state}
    params = {
        "response_type": "code",
        "client_id": FHIR_CLIENT_ID,
        "redirect_uri": request.build_absolute_uri("/oauth/fhir/callback/"),
        "scope": "launch/patient patient/Observation.read",
        "state": fhir_state,
        "aud": FHIR_BASE,
        "code_challenge": verifier,
        "code_challenge_method": "plain",
    }
    return redirect(f"{FHIR_AUTHORIZE}?{urlencode(params)}")


@login_required
def fhir_callback(request):
    pending = request.session.pop("fhir_pkce", None)
    if not pending or not hmac.compare_digest(pending["state"], request.GET.get("state", "")):
        return HttpResponseBadRequest("state mismatch")
    resp = requests.post(FHIR_TOKEN, data={
        "grant_type": "authorization_code",
        "code": request.GET.get("code", ""),
        "redirect_uri": request.build_absolute_uri("/oauth/fhir/callback/"),
        "client_id": FHIR_CLIENT_ID,
        "code_verifier": pending["verifier"],
    }, timeout=15)
    resp.raise_for_status()
    FhirConnection.objects.update_or_create(patient=request.user, defaults={"fhir_token": resp.json()})
    return redirect("/portal/?linked=fhir")
