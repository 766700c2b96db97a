from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken


def _revoke_all_refresh_tokens(user):
    for outstanding in OutstandingToken.objects.filter(user=user):
        BlacklistedToken.objects.get_or_create(token=outstanding)


class MobileLoginView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        user = authenticate(request, username=request.data.get("email"), password=request.data.get("password"))
        if user is None:
            return Response({"detail": "invalid credentials"}, status=status.HTTP_401_UNAUTHORIZED)
        refresh = RefreshToken.for_user(user)
        return Response({"access": str(refresh.access_token), "refresh": str(refresh)})


class DeviceRefreshView(APIView):
    """Explicit rotation for the bedside tablets, which cannot use the default refresh view."""

    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        try:
            presented = RefreshToken(request.data.get("refresh"))
            presented.blacklist()
        except TokenError:
            return Response({"detail": "invalid refresh token"}, status=status.HTTP_401_UNAUTHORIZED)
        user = get_user_model().objects.get(pk=presented["user_id"])
        successor = RefreshToken.for_user(user)
        return Response({"access": str(successor.access_token), "refresh": str(successor)})


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        try:
            RefreshToken(request.data.get("refresh")).blacklist()
        except TokenError:
            return Response({"detail": "invalid refresh token"}, status=status.HTTP_400_BAD_REQUEST)
        return Response(status=status.HTTP_205_RESET_CONTENT)


class ChangePasswordView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        user = request.user
        if not user.check_password(request.data.get("old_password", "")):
            return Response({"detail": "wrong password"}, status=status.HTTP_400_BAD_REQUEST)
        new_password = request.data.get("new_password", "")
        try:
            validate_password(new_password, user)
        except ValidationError as exc:
            return Response({"new_password": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        user.set_password(new_password)
        user.save(update_fields=["password"])
        _revoke_all_refresh_tokens(user)
        return Response(status=status.HTTP_204_NO_CONTENT)
