"""Member-facing loan pages: list, renew, reading-list ordering."""
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Loan

SORT_KEYS = {"due": "due_on", "title": "copy__work__title", "borrowed": "-borrowed_on"}


@login_required
def my_loans(request):
    order = SORT_KEYS.get(request.session.get("reading_list_sort", "due"), "due_on")
    loans = Loan.objects.filter(member=request.user, returned_on__isnull=True).select_related("copy__work").order_by(order)
    return render(request, "loans/mine.html", {"loans": loans})


@login_required
@require_POST
def set_sort(request):
    key = request.POST.get("sort", "due")
    if key not in SORT_KEYS:
        return HttpResponseBadRequest("unknown sort order")
    request.session["reading_list_sort"] = key
    return redirect("mine")


@csrf_exempt
@login_required
@require_POST
def renew(request, loan_id):
    loan = get_object_or_404(Loan, pk=loan_id, member=request.user, returned_on__isnull=True)
    if loan.renewals >= settings.MAX_RENEWALS:
        return HttpResponseBadRequest("no renewals left")
    loan.renewals += 1
    loan.due_on += timedelta(days=settings.LOAN_PERIOD_DAYS)
    loan.save(update_fields=["renewals", "due_on"])
    if "next" in request.GET:
        return HttpResponseRedirect(request.GET["next"])
    return redirect("detail", loan_id=loan.pk)


@login_required
def detail(request, loan_id):
    loan = get_object_or_404(Loan, pk=loan_id, member=request.user)
    return render(request, "loans/detail.html", {"loan": loan})
