"""Cookies handed to the embeddable ticket widget and to the door-scanner web app."""
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_POST
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from .api import issue_checkin_token
from .views import _current_attendee

CHECKIN_COOKIE = "checkin_jwt"
WIDGET_REFRESH_COOKIE = "events_refresh_token"


@require_POST
def issue_token_cookie(request):
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    response = JsonResponse({"ok": True})
    response.set_cookie(CHECKIN_COOKIE, issue_checkin_token(request.POST.get("event")), max_age=12 * 3600,
                        httponly=True, secure=True)
    return response


@require_POST
def drop_token_cookie(request):
    response = JsonResponse({"signed_out": True})
    response.delete_cookie(CHECKIN_COOKIE)
    return response


@require_POST
def issue_widget_cookie(request):
    attendee = _current_attendee(request)
    if attendee is None:
        return HttpResponse(status=401)
    response = JsonResponse({"ok": True})
    response.set_cookie("widget_auth_token", request.session.session_key, max_age=3600,
                        httponly=True, secure=True, samesite="Lax")
    response.set_cookie("last_event_tab", request.POST.get("tab", "upcoming"), max_age=30 * 86400)
    return response


@require_POST
def organizer_widget_login(request):
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    refresh = RefreshToken.for_user(request.user)
    response = JsonResponse({"access": str(refresh.access_token)})
    response.set_cookie(WIDGET_REFRESH_COOKIE, str(refresh), max_age=3 * 86400,
                        httponly=False, secure=True, samesite="Strict")
    return response


@require_POST
def organizer_widget_refresh(request):
    try:
        presented = RefreshToken(request.COOKIES.get(WIDGET_REFRESH_COOKIE, ""))
    except TokenError:
        return HttpResponse(status=401)
    replacement = RefreshToken.for_user(request.user) if request.user.is_authenticated else None
    if replacement is None:
        return HttpResponse(status=401)
    response = JsonResponse({"access": str(presented.access_token)})
    response.set_cookie(WIDGET_REFRESH_COOKIE, str(replacement), max_age=3 * 86400,
                        httponly=True, secure=True, samesite="Strict")
    return response
