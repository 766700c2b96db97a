import secrets

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as django_login
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from requests_oauthlib import OAuth2Session

from .models import MemberProfile

GITHUB_AUTHORIZE = "https://github.com/login/oauth/authorize"
GITHUB_TOKEN = "https://github.com/login/oauth/access_token"
DISCORD_AUTHORIZE = "https://discord.com/oauth2/authorize"
DISCORD_TOKEN = "https://discord.com/api/oauth2/token"


def _github_session(request, **kwargs):
    return OAuth2Session(
        settings.GITHUB_CLIENT_ID,
        scope=["read:user", "user:email"],
        redirect_uri=request.build_absolute_uri("/oauth/github/done/"),
        **kwargs,
    )


def github_begin(request):
    url, _state = _github_session(request).authorization_url(GITHUB_AUTHORIZE, state="forum-login")
    return redirect(url)


def github_done(request):
    github = _github_session(request)
    github.fetch_token(GITHUB_TOKEN, client_secret=settings.GITHUB_CLIENT_SECRET,
                       authorization_response=request.build_absolute_uri())
    gh_user = github.get("https://api.github.com/user").json()
    profile = MemberProfile.objects.filter(github_id=gh_user["id"]).select_related("user").first()
    if profile is None:
        return HttpResponseForbidden("link your GitHub account from your profile first")
    django_login(request, profile.user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("board:index")


def discord_begin(request):
    discord_state = secrets.token_urlsafe(32)
    request.session["discord_state"] = discord_state
    discord = OAuth2Session(settings.DISCORD_CLIENT_ID, scope=["identify"],
                            redirect_uri=request.build_absolute_uri("/oauth/discord/done/"))
    discord_url, _ = discord.authorization_url(DISCORD_AUTHORIZE, state=discord_state)
    return redirect(discord_url)


def discord_done(request):
    expected = request.session.pop("discord_state", None)
    if not expected or request.GET.get("state") != expected:
        return HttpResponseBadRequest("state mismatch")
    token = requests.post(DISCORD_TOKEN, data={
        "grant_type": "authorization_code",
        "code": request.GET["code"],
        "redirect_uri": request.build_absolute_uri("/oauth/discord/done/"),
        "client_id": settings.DISCORD_CLIENT_ID,
        "client_secret": settings.DISCORD_CLIENT_SECRET,
    }, timeout=10).json()
    me = requests.get("https://discord.com/api/users/@me",
                      headers={"Authorization": f"Bearer {token['access_token']}"}, timeout=10).json()
    user = get_user_model().objects.filter(profile__discord_id=me["id"]).first()
    if user is None:
        return HttpResponseForbidden("unknown Discord account")
    django_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(reverse("board:index") + "?via=discord")
