from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, authenticate, update_session_auth_hash
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from .models import Clinic, Patient, ProxyGrant


def _safe_next(request, fallback="/portal/"):
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.method == "POST":
        user = authenticate(request, username=request.POST.get("email"), password=request.POST.get("password"))
        if user is not None:
            auth_login(request, user)
            return redirect(_safe_next(request))
        messages.error(request, "Invalid email or password.")
    return render(request, "accounts/login.html")


@require_POST
def kiosk_pin_login(request):
    patient = Patient.objects.filter(mrn=request.POST.get("mrn"), is_active=True).first()
    if patient is None or not patient.check_pin(request.POST.get("pin", "")):
        return render(request, "accounts/kiosk.html", {"error": True}, status=401)
    request.session.cycle_key()
    request.session["kiosk_patient_id"] = patient.pk
    return HttpResponseRedirect(request.GET["next"])


@require_POST
def staff_login(request):
    staff = Patient.objects.filter(email=request.POST.get("email"), is_staff=True).first()
    if staff is None or not staff.check_password(request.POST.get("password", "")):
        return render(request, "accounts/staff_login.html", {"error": True}, status=401)
    request.session["staff_user_id"] = staff.pk
    request.session["staff_role"] = staff.role
    return redirect(request.POST.get("next") or "/portal/staff/")


@require_POST
def legacy_portal_login(request):
    """Old portal bookmarks post email + password here; kept until the 2025 cut-over."""
    patient = Patient.objects.filter(email__iexact=request.POST.get("email", "")).first()
    if patient is None or not patient.check_password(request.POST.get("password", "")):
        return render(request, "accounts/login.html", {"error": True}, status=401)
    request.session[SESSION_KEY] = str(patient.pk)
    request.session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    request.session[HASH_SESSION_KEY] = patient.get_session_auth_hash()
    return redirect("portal:home")


@require_POST
def proxy_login(request):
    code_hash = ProxyGrant.hash_code(request.POST.get("access_code", ""))
    grant = ProxyGrant.objects.filter(code_hash=code_hash, expires_at__gt=timezone.now()).first()
    if grant is None:
        return HttpResponseForbidden("Unknown or expired access code.")
    request.session.flush()
    request.session["proxy_grant_id"] = grant.pk
    return redirect("portal:proxy-home")


@login_required
@require_POST
def logout_view(request):
    auth_logout(request)
    return redirect("accounts:login")


@login_required
@require_http_methods(["GET", "POST"])
def change_password(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        messages.success(request, "Password changed. Other devices were signed out.")
        return redirect(reverse("portal:home") + "?password=changed")
    return render(request, "accounts/password.html", {"form": form})


@login_required
@require_POST
def choose_clinic(request):
    clinic = get_object_or_404(Clinic, pk=request.POST.get("clinic"), patient=request.user)
    request.session["clinic_id"] = clinic.pk
    return redirect(_safe_next(request, fallback="/portal/appointments/"))


@login_required
@require_POST
def dismiss_banner(request):
    request.session["banner_dismissed"] = True
    return HttpResponseRedirect(request.META.get("HTTP_REFERER", "/portal/"))
