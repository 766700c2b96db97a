import hashlib
import hmac
import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken

from .models import Appointment, LabResult, Message


@login_required
def home(request):
    upcoming = Appointment.objects.filter(patient=request.user, cancelled=False).order_by("starts_at")[:5]
    return render(request, "portal/home.html", {"appointments": upcoming})


def proxy_home(request):
    if "proxy_grant_id" not in request.session:
        return HttpResponseForbidden()
    return render(request, "portal/proxy.html")


@csrf_exempt  # the lab system signs its requests instead
@require_POST
def lab_results_webhook(request):
    signature = request.headers.get("X-Lab-Signature", "")
    expected = hmac.new(settings.LAB_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):
        return HttpResponseForbidden("bad signature")
    payload = json.loads(request.body)
    LabResult.objects.update_or_create(external_id=payload["id"], defaults={"status": payload["status"]})
    return HttpResponse(status=204)


@csrf_exempt  # calendar apps poll the feed without a token
@require_GET
@login_required
def appointment_calendar_feed(request):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    for appt in Appointment.objects.filter(patient=request.user, cancelled=False):
        lines += ["BEGIN:VEVENT", f"DTSTART:{appt.starts_at:%Y%m%dT%H%M%SZ}", f"SUMMARY:{appt.title}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return HttpResponse("\r\n".join(lines), content_type="text/calendar")


@login_required
@csrf_exempt  # the cancel button posts with fetch()
@require_POST
def cancel_appointment(request, pk):
    appt = get_object_or_404(Appointment, pk=pk, patient=request.user)
    appt.cancelled = True
    appt.save(update_fields=["cancelled"])
    return JsonResponse({"cancelled": True})


@csrf_exempt  # the settings page saves toggles with fetch()
@require_POST
@login_required
def notification_preferences(request):
    prefs = json.loads(request.body or "{}")
    request.user.email_reminders = bool(prefs.get("email_reminders"))
    request.user.sms_reminders = bool(prefs.get("sms_reminders"))
    request.user.save(update_fields=["email_reminders", "sms_reminders"])
    return JsonResponse({"saved": True})


@method_decorator(csrf_exempt, name="dispatch")
class MessageComposeView(LoginRequiredMixin, View):
    def get(self, request):
        return render(request, "portal/compose.html")

    def post(self, request):
        Message.objects.create(sender=request.user, body=request.POST.get("body", "")[:4000])
        return JsonResponse({"sent": True}, status=201)


@csrf_exempt  # mobile clients send a bearer token
@require_POST
def appointments_api(request):
    try:
        result = JWTAuthentication().authenticate(request)
    except InvalidToken:
        result = None
    if result is None:
        return JsonResponse({"detail": "bearer token required"}, status=401)
    user, _token = result
    data = json.loads(request.body or "{}")
    appt = Appointment.objects.create(patient=user, title=data.get("title", "Visit"), starts_at=data["starts_at"])
    return JsonResponse({"id": appt.pk}, status=201)
