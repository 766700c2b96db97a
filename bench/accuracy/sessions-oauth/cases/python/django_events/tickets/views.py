import hashlib

from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.csrf import csrf_exempt as skip_csrf
from django.views.decorators.http import require_GET, require_POST

from .models import Attendee, Event, Rsvp


def _current_attendee(request):
    attendee_id = request.session.get("attendee_id")
    return Attendee.objects.filter(pk=attendee_id).first() if attendee_id else None


def _remember_attendee(request, attendee):
    request.session.update({"attendee_id": attendee.pk, "attendee_email": attendee.email})


@require_POST
def attendee_login(request):
    attendee = Attendee.objects.filter(email=request.POST.get("email", "").lower()).first()
    if attendee is None or not attendee.check_password(request.POST.get("password", "")):
        return render(request, "tickets/login.html", {"error": True}, status=401)
    request.session["attendee_id"] = attendee.pk
    return redirect(request.GET.get("return_to") or "/events/")


@require_POST
def ticket_code_login(request):
    digest = hashlib.sha256(request.POST.get("code", "").encode()).hexdigest()
    attendee = get_object_or_404(Attendee, ticket_code_hash=digest)
    request.session.cycle_key()
    request.session["attendee_id"] = attendee.id
    nxt = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}, require_https=True):
        return HttpResponseRedirect(nxt)
    return redirect("tickets:my-tickets")


@require_POST
def sms_login(request):
    attendee = Attendee.objects.filter(phone=request.POST.get("phone", "")).first()
    if attendee is None or not attendee.check_password(request.POST.get("otp_password", "")):
        return HttpResponse(status=401)
    _remember_attendee(request, attendee)
    return HttpResponseRedirect(request.POST.get("continue", "/events/"))


@require_GET
def qr_login(request, token):
    digest = hashlib.sha256(token.encode()).hexdigest()
    attendee = get_object_or_404(Attendee, ticket_code_hash=digest)
    request.session["kiosk_attendee"] = attendee.pk
    return redirect(reverse("tickets:my-tickets") + "?via=qr")


@require_POST
def organizer_login(request):
    user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
    if user is None:
        return render(request, "tickets/organizer_login.html", {"error": True}, status=401)
    auth_login(request, user)
    return redirect("tickets:dashboard")


@skip_csrf  # RSVP button on partner sites posts cross-origin
@require_POST
def rsvp(request, event_id):
    attendee = _current_attendee(request)
    if attendee is None:
        return JsonResponse({"detail": "login required"}, status=401)
    event = get_object_or_404(Event, pk=event_id)
    Rsvp.objects.update_or_create(event=event, attendee=attendee, defaults={"status": "going"})
    return JsonResponse({"going": True})


@method_decorator(skip_csrf, name="post")
class CancelRsvpView(View):
    def post(self, request, event_id):
        attendee = _current_attendee(request)
        if attendee is None:
            return JsonResponse({"detail": "login required"}, status=401)
        Rsvp.objects.filter(event_id=event_id, attendee=attendee).update(status="cancelled")
        return JsonResponse({"cancelled": True})


@skip_csrf  # calendar apps subscribe to this feed
@require_GET
def event_calendar(request, event_id):
    event = get_object_or_404(Event, pk=event_id)
    body = f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:{event.title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    return HttpResponse(body, content_type="text/calendar")


@skip_csrf  # transfers are confirmed inside the widget iframe
@require_POST
def transfer_ticket(request, rsvp_id):
    attendee = _current_attendee(request)
    if attendee is None:
        return JsonResponse({"detail": "login required"}, status=401)
    recipient = get_object_or_404(Attendee, email=request.POST.get("to", "").lower())
    updated = Rsvp.objects.filter(pk=rsvp_id, attendee=attendee).update(attendee=recipient)
    return JsonResponse({"transferred": bool(updated)})


@skip_csrf  # profile edits come from the widget iframe
@require_POST
def update_profile(request):
    attendee = _current_attendee(request)
    if attendee is None:
        return JsonResponse({"detail": "login required"}, status=401)
    attendee.display_name = request.POST.get("display_name", "")[:80]
    attendee.save(update_fields=["display_name"])
    request.session["display_name"] = attendee.display_name
    return JsonResponse({"ok": True})


def my_tickets(request):
    attendee = _current_attendee(request)
    if attendee is None:
        return redirect("tickets:login")
    return render(request, "tickets/mine.html", {"rsvps": attendee.rsvps.select_related("event")})


def dashboard(request):
    if not request.user.is_authenticated:
        return redirect(f"/organizer/login/?next={request.path}")
    return render(request, "tickets/dashboard.html", {"events": Event.objects.filter(organizer=request.user)})

