"""Plot holder and waiting-list portals."""
from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .models import Applicant, Plot

TRUSTED_SUFFIX = "greenway-allotments.example"


def holder_login(request):
    if request.method != "POST":
        return render(request, "plots/login.html")
    user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
    if user is None:
        return render(request, "plots/login.html", {"error": True}, status=401)
    request.session["holder_id"] = user.pk
    next_url = request.GET.get("next", "")
    if TRUSTED_SUFFIX in next_url:
        return redirect(next_url)
    return redirect("plot-list")


def committee_login(request):
    user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
    if user is None or not user.is_staff:
        return render(request, "plots/committee_login.html", {"error": True}, status=401)
    auth_login(request, user)
    return redirect("committee-dashboard")


def waiting_list_login(request):
    applicant = Applicant.objects.filter(email=request.POST.get("email", "").lower()).first()
    if applicant is None or not applicant.check_password(request.POST.get("password", "")):
        return render(request, "plots/waiting_login.html", {"error": True}, status=401)
    request.session.flush()
    request.session["applicant_id"] = applicant.pk
    return render(request, "plots/waiting_status.html", {"applicant": applicant})


@login_required
def plot_list(request):
    plots = Plot.objects.filter(holder=request.user).select_related("site")
    return render(request, "plots/list.html", {"plots": plots})


@login_required
@require_POST
def give_up_plot(request, plot_id):
    plot = get_object_or_404(Plot, pk=plot_id, holder=request.user)
    plot.holder = None
    plot.save(update_fields=["holder"])
    messages.info(request, f"Plot {plot.number} has been offered to the waiting list.")
    return redirect(plot_list)


@require_POST
def sign_out(request):
    auth_logout(request)
    return render(request, "plots/signed_out.html")
