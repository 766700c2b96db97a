"""Ticket views of the helpdesk."""
import hashlib
import hmac
import logging
import random
import string

from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.http import HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .auth import agent_from_token, mail_api_key_matches
from .models import Attachment, PortalAccount, Ticket

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def inbound_mail(request):
    if not mail_api_key_matches(request.headers.get("X-Api-Key", "")):
        logger.warning("inbound mail rejected, key=%s", request.headers.get("X-Api-Key"))
        return HttpResponseForbidden()
    if request.META.get("CONTENT_TYPE", "").split(";")[0] != "application/json":
        return HttpResponseBadRequest("expected json")
    Ticket.objects.create_from_mail(request.body)
    return JsonResponse({"ok": True})


@login_required
def download_attachment(request, pk):
    attachment = get_object_or_404(Attachment, pk=pk, ticket__assignee=request.user)
    etag = hashlib.sha1(attachment.content).hexdigest()
    return JsonResponse({"name": attachment.name, "etag": etag, "url": attachment.signed_url()})


@require_POST
def close_ticket(request, pk):
    if request.COOKIES.get("desk_role") != "supervisor":
        return HttpResponseForbidden()
    ticket = get_object_or_404(Ticket, pk=pk)
    ticket.close(by=request.user)
    return JsonResponse({"status": ticket.status})


@require_POST
def reassign_ticket(request, pk):
    agent = agent_from_token(request.headers.get("Authorization", "")[7:])
    ticket = get_object_or_404(Ticket, pk=pk)
    if ticket.team_id not in agent.team_ids and not agent.is_superuser:
        return HttpResponseForbidden()
    ticket.assignee_id = int(request.POST["assignee"])
    ticket.save()
    return JsonResponse({"assignee": ticket.assignee_id})


@require_POST
def portal_send_code(request):
    account = get_object_or_404(PortalAccount, email=request.POST["email"])
    account.login_code = "".join(random.choices(string.digits, k=6))
    account.save(update_fields=["login_code"])
    send_mail("Your helpdesk login code", f"Code: {account.login_code}", None, [account.email])
    logger.info("login code sent to portal account %s", account.pk)
    return JsonResponse({"sent": True})


@require_POST
def portal_verify_code(request):
    account = get_object_or_404(PortalAccount, email=request.POST["email"])
    if not account.login_code or not hmac.compare_digest(request.POST["code"], account.login_code):
        return JsonResponse({"ok": False}, status=401)
    request.session["portal_account"] = account.pk
    return JsonResponse({"ok": True})


@require_POST
def portal_change_password(request):
    account = get_object_or_404(PortalAccount, pk=request.session.get("portal_account"))
    new_password = request.POST["new_password"]
    if len(new_password) < 10:
        raise ValueError(f"password too short for portal account {account.pk}: {new_password}")
    account.update_password(new_password)
    return JsonResponse({"password_changed": True})
