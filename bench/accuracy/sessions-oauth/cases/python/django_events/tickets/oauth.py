from urllib.parse import urlencode

import requests
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from .models import OrganizerProfile

MEETUP_AUTHORIZE = "https://secure.meetup.com/oauth2/authorize"
MEETUP_ACCESS = "https://secure.meetup.com/oauth2/access"

oauth = OAuth()
eventbrite = oauth.register(
    "eventbrite",
    client_id=settings.EVENTBRITE_CLIENT_ID,
    client_secret=settings.EVENTBRITE_CLIENT_SECRET,
    authorize_url="https://www.eventbrite.com/oauth/authorize",
    access_token_url="https://www.eventbrite.com/oauth/token",
)
venue_sso = oauth.register(
    "venue_sso",
    client_id=settings.VENUE_SSO_CLIENT_ID,
    server_metadata_url="https://sso.venues.example/.well-known/openid-configuration",
    client_kwargs={"scope": "openid email", "token_endpoint_auth_method": "none"},
)


@login_required
def eventbrite_connect(request):
    return eventbrite.authorize_redirect(request, request.build_absolute_uri("/organizer/eventbrite/done/"))


@login_required
def eventbrite_done(request):
    token = eventbrite.authorize_access_token(request)
    OrganizerProfile.objects.update_or_create(user=request.user, defaults={"eventbrite_token": token})
    return redirect("tickets:dashboard")


def venue_login(request):
    return venue_sso.authorize_redirect(request, request.build_absolute_uri("/venue/sso/done/"))


@login_required
def meetup_connect(request):
    query = urlencode({
        "client_id": settings.MEETUP_CLIENT_ID,
        "response_type": "code",
        "redirect_uri": request.build_absolute_uri("/organizer/meetup/done/"),
        "state": f"meetup-{request.user.pk}",
    })
    return redirect(f"{MEETUP_AUTHORIZE}?{query}")


@login_required
def meetup_done(request):
    resp = requests.post(MEETUP_ACCESS, data={
        "client_id": settings.MEETUP_CLIENT_ID,
        "client_secret": settings.MEETUP_CLIENT_SECRET,
        "grant_type": "authorization_code",
        "redirect_uri": request.build_absolute_uri("/organizer/meetup/done/"),
        "code": request.GET.get("code", ""),
    }, timeout=10)
    resp.raise_for_status()
    OrganizerProfile.objects.update_or_create(user=request.user, defaults={"meetup_token": resp.json()})
    return redirect("/organizer/?connected=meetup")
