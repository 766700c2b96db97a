from datetime import datetime, timedelta, timezone

import jwt
from django.conf import settings
from django.contrib.auth import authenticate
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from .models import Rsvp


class KioskLoginView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        user = authenticate(request, username=request.data.get("username"), password=request.data.get("password"))
        if user is None or not user.is_staff:
            return Response({"detail": "invalid credentials"}, status=status.HTTP_401_UNAUTHORIZED)
        refresh = RefreshToken.for_user(user)
        return Response({"refresh": str(refresh), "access": str(refresh.access_token)})


class KioskRefreshView(APIView):
    """Door-scanner kiosks refresh every few minutes; they keep the refresh token they were given."""

    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        try:
            refresh = RefreshToken(request.data["refresh"])
        except (KeyError, TokenError):
            return Response({"detail": "invalid refresh"}, status=status.HTTP_401_UNAUTHORIZED)
        return Response({"access": str(refresh.access_token), "refresh": request.data["refresh"]})


class KioskLogoutView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        try:
            RefreshToken(request.data["refresh"]).blacklist()
        except (KeyError, TokenError):
            pass
        return Response(status=status.HTTP_205_RESET_CONTENT)


@csrf_exempt
@require_POST
def checkin(request):
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return JsonResponse({"detail": "bearer token required"}, status=401)
    try:
        claims = jwt.decode(header[7:], settings.CHECKIN_JWT_KEY, algorithms=["HS256"], audience="checkin")
    except jwt.PyJWTError:
        return JsonResponse({"detail": "invalid token"}, status=401)
    updated = Rsvp.objects.filter(pk=request.POST.get("rsvp"), event_id=claims["event"]).update(status="checked-in")
    return JsonResponse({"checked_in": bool(updated), "at": datetime.now(timezone.utc).isoformat()})


def issue_checkin_token(event_id):
    now = datetime.now(timezone.utc)
    return jwt.encode({"event": event_id, "aud": "checkin", "iat": now, "exp": now + timedelta(hours=12)},
                      settings.CHECKIN_JWT_KEY, algorithm="HS256")
