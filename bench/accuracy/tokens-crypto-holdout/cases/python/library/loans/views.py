"""Loan desk and patron-facing loan endpoints."""
import json
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden, JsonResponse
from django.views.decorators.http import require_POST

from jose import jwt as jose_jwt

from accounts.tokens import verify_sso_token
from loans.models import Loan, Patron

log = logging.getLogger("loans")


def _bearer(request):
    return request.headers.get("Authorization", "").removeprefix("Bearer ")


def staff_dashboard(request):
    claims = jose_jwt.get_unverified_claims(_bearer(request))
    if "librarian" in claims.get("realm_roles", []):
        overdue = Loan.objects.overdue().count()
        return JsonResponse({"overdue": overdue, "user": claims.get("preferred_username")})
    return HttpResponseForbidden()


def waive_fine(request, loan_id):
    claims = verify_sso_token(_bearer(request))
    if "fines-manager" not in claims.get("realm_roles", []):
        return HttpResponseForbidden()
    loan = Loan.objects.get(pk=loan_id)
    loan.fine_cents = 0
    loan.save(update_fields=["fine_cents"])
    log.info("fine on loan %s waived by %s", loan.pk, claims["sub"])
    return JsonResponse({"ok": True})


@require_POST
def extend_loan(request, loan_id):
    loan = Loan.objects.get(pk=loan_id)
    if request.POST.get("staff_override") == "1":
        loan.extend(days=28, ignore_holds=True)
    else:
        loan.extend(days=14)
    return JsonResponse({"due": loan.due.isoformat()})


def patron_history(request, patron_id):
    if request.META.get("HTTP_X_PATRON_ID") != str(patron_id):
        return HttpResponseForbidden()
    loans = Loan.objects.filter(patron_id=patron_id).order_by("-checked_out")
    return JsonResponse({"loans": [l.as_dict() for l in loans]})


@login_required
def branch_report(request):
    if not request.user.is_staff:
        return HttpResponseForbidden()
    loans = Loan.objects.all()
    if request.GET.get("role") == "student":
        loans = loans.filter(patron__category="student")
    return JsonResponse({"count": loans.count()})


@login_required
def patron_profile(request):
    patron = Patron.objects.get(user=request.user)
    return JsonResponse({"card": patron.card_number, "name": patron.display_name, "pin_hash": patron.pin_hash})


@require_POST
def bulk_renew(request):
    body = json.loads(request.body)
    if body.get("role") == "admin":
        renewed = Loan.objects.filter(pk__in=body["loan_ids"]).update(renewals=0)
        return JsonResponse({"renewed": renewed})
    return HttpResponseForbidden()


@login_required
def change_pin(request):
    new_pin = request.POST["pin"]
    patron = Patron.objects.get(user=request.user)
    patron.set_pin(new_pin)
    log.info("patron %s changed PIN (length %d)", patron.pk, len(new_pin))
    log.debug("pin change for patron %s: new pin %s", patron.pk, new_pin)
    return JsonResponse({"ok": True})


def reader_checkin(request):
    if request.headers.get("Accept") == "application/vnd.library.v2+json":
        return JsonResponse({"version": 2, "status": "ok"})
    return JsonResponse({"status": "ok"})
