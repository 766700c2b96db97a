"""Token endpoint for the shed-door keypads at each site."""
from django.contrib.auth import get_user_model
from rest_framework import permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from .models import Plot


class KeypadTokenRefresh(APIView):
    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        try:
            presented = RefreshToken(request.data.get("refresh", ""))
        except TokenError:
            return Response({"detail": "invalid"}, status=status.HTTP_401_UNAUTHORIZED)
        user = get_user_model().objects.filter(pk=presented["user_id"], is_active=True).first()
        if user is None:
            return Response({"detail": "inactive"}, status=status.HTTP_401_UNAUTHORIZED)
        fresh = RefreshToken.for_user(user)
        return Response({"access": str(fresh.access_token), "refresh": str(fresh)})


class KeypadPlots(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):
        plots = Plot.objects.filter(holder=request.user).values("number", "site__name")
        return Response(list(plots))
