"""REST endpoints for the ShelfShare e-reader devices (bearer JWTs only)."""
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from rest_framework import permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from .models import Loan


@method_decorator(csrf_exempt, name="dispatch")
class DeviceLoansView(APIView):
    authentication_classes = [JWTAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request):
        loans = Loan.objects.filter(member=request.user, returned_on__isnull=True).select_related("copy__work")
        return Response([{"id": l.pk, "title": l.copy.work.title, "due": l.due_on.isoformat()} for l in loans])

    def post(self, request):
        loan = Loan.objects.filter(member=request.user, pk=request.data.get("loan_id")).first()
        if loan is None:
            return Response({"detail": "not found"}, status=status.HTTP_404_NOT_FOUND)
        loan.returned_on = request.data.get("returned_on")
        loan.save(update_fields=["returned_on"])
        return Response({"returned": loan.pk})


class DeviceTokenRefreshView(APIView):
    """E-reader firmware 2.x keeps the refresh token in read-only flash, so it is handed back as is."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        try:
            refresh = RefreshToken(request.data["refresh"])
        except (KeyError, TokenError):
            return Response({"detail": "invalid refresh token"}, status=status.HTTP_401_UNAUTHORIZED)
        return Response({"access": str(refresh.access_token), "refresh": request.data["refresh"]})
