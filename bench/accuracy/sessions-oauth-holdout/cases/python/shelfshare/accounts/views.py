"""Member sign-in (web and branch kiosk), password change and notification settings."""
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Member


def member_login(request):
    if request.method != "POST":
        return render(request, "accounts/login.html")
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        messages.error(request, "That username and password do not match our records.")
        return render(request, "accounts/login.html", status=401)
    login(request, user)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = "/loans/"
    return HttpResponseRedirect(next_url)


def card_login(request):
    """Sign in with the library card number printed on the card and the account password."""
    if request.method != "POST":
        return render(request, "accounts/card_login.html")
    member = Member.objects.filter(card_number=request.POST.get("card_number", "").replace(" ", "")).first()
    if member is None or not member.check_password(request.POST.get("password", "")):
        return render(request, "accounts/card_login.html", {"error": True}, status=401)
    request.session["member_id"] = member.pk
    return redirect(request.POST.get("next") or "/")


def kiosk_login(request):
    """Branch self-checkout terminals: card number and password, short session."""
    member = Member.objects.filter(card_number=request.POST.get("card_number", "")).first()
    if member is None or not member.check_password(request.POST.get("password", "")):
        return render(request, "accounts/kiosk.html", {"error": True}, status=401)
    request.session.cycle_key()
    request.session["kiosk_member_id"] = member.pk
    request.session.set_expiry(300)
    return render(request, "accounts/kiosk_checkout.html", {"member": member})


@login_required
def change_password(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        user.set_password(form.cleaned_data["new_password1"])
        user.save(update_fields=["password"])
        update_session_auth_hash(request, user)
        messages.success(request, "Your password has been changed.")
    return render(request, "accounts/password.html", {"form": form})


@csrf_exempt
@login_required
@require_POST
def notification_prefs(request):
    member = request.user
    member.email_reminders = request.POST.get("email") == "on"
    member.sms_reminders = request.POST.get("sms") == "on"
    member.save(update_fields=["email_reminders", "sms_reminders"])
    return JsonResponse({"email": member.email_reminders, "sms": member.sms_reminders})


@require_POST
def logout_view(request):
    logout(request)
    return redirect("home")
