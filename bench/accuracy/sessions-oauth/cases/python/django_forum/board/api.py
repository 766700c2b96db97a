from django.contrib.auth import authenticate, get_user_model
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from .models import ApiRefreshToken


def _unauthorized(detail="invalid refresh token"):
    return Response({"detail": detail}, status=status.HTTP_401_UNAUTHORIZED)


def presented_user(token):
    return get_user_model().objects.get(pk=token["member_id"])


def _load_refresh(raw):
    try:
        return RefreshToken(raw)
    except TokenError:
        return None


class TokenLoginView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        user = authenticate(request, username=request.data.get("username"), password=request.data.get("password"))
        if user is None:
            return _unauthorized("invalid credentials")
        refresh = RefreshToken.for_user(user)
        ApiRefreshToken.objects.create(jti=refresh["jti"], user=user)
        return Response({"access": str(refresh.access_token), "refresh": str(refresh)}, status=201)


class TokenRefreshView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        raw = request.data.get("refresh", "")
        presented = _load_refresh(raw)
        if presented is None or not ApiRefreshToken.objects.filter(jti=presented["jti"]).exists():
            return _unauthorized()
        return Response({"access": str(presented.access_token), "refresh": raw})


class DeviceTokenRefreshView(APIView):
    """Used by the desktop client, which wants a new refresh token on every refresh."""

    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        presented = _load_refresh(request.data.get("refresh", ""))
        if presented is None:
            return _unauthorized()
        record = ApiRefreshToken.objects.filter(jti=presented["jti"]).select_related("user").first()
        if record is None:
            return _unauthorized()
        fresh = RefreshToken.for_user(record.user)
        ApiRefreshToken.objects.create(jti=fresh["jti"], user=record.user)
        return Response({"access": str(fresh.access_token), "refresh": str(fresh)})


class MobileRefreshView(APIView):
    """Mobile app refresh: single-use refresh tokens tracked in ApiRefreshToken."""

    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        presented = _load_refresh(request.data.get("refresh", ""))
        if presented is None:
            return _unauthorized()
        deleted, _ = ApiRefreshToken.objects.filter(jti=presented["jti"]).delete()
        if not deleted:
            return _unauthorized("refresh token already used")
        successor = RefreshToken.for_user(presented_user(presented))
        ApiRefreshToken.objects.create(jti=successor["jti"], user_id=successor["member_id"])
        return Response({"access": str(successor.access_token), "refresh": str(successor)})


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        return Response({"detail": "Signed out. Discard the tokens on this device."}, status=205)


class ChangePasswordView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        user = request.user
        if not user.check_password(request.data.get("current_password", "")):
            return Response({"detail": "wrong password"}, status=status.HTTP_400_BAD_REQUEST)
        user.set_password(request.data["new_password"])
        user.save()
        return Response(status=status.HTTP_204_NO_CONTENT)


class AdminResetPasswordView(APIView):
    permission_classes = [IsAdminUser]

    def post(self, request, member_id):
        member = get_user_model().objects.filter(pk=member_id).first()
        if member is None:
            return Response(status=status.HTTP_404_NOT_FOUND)
        member.set_password(request.data["new_password"])
        member.save(update_fields=["password"])
        return Response(status=status.HTTP_204_NO_CONTENT)
