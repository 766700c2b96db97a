"""Account and contact views of the crm."""
import hashlib
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST
from jose import jwt as jose_jwt

from contacts.models import Contact

from .tokens import TokenRejected, verify_partner_token

User = get_user_model()
logger = logging.getLogger(__name__)
VALID_ROLES = {"sales", "support", "manager"}


def _avatar_url(contact):
    digest = hashlib.md5(contact.email.strip().lower().encode()).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?d=identicon&s=64"


@login_required
def contact_list(request):
    contacts = Contact.objects.filter(owner=request.user).order_by("last_name")
    return render(request, "contacts/list.html", {"contacts": [(c, _avatar_url(c)) for c in contacts]})


@login_required
def team_members(request):
    if not request.user.has_perm("accounts.view_team"):
        return HttpResponseForbidden()
    members = User.objects.filter(is_active=True)
    role = request.GET.get("role")
    if role in VALID_ROLES:
        members = members.filter(profile__role=role)
    return JsonResponse({"members": [{"id": m.pk, "email": m.email} for m in members]})


@login_required
def admin_dashboard(request):
    if not request.user.is_staff:
        return HttpResponseForbidden()
    tab = "audit" if request.GET.get("tab") == "admin" else "overview"
    return render(request, "accounts/dashboard.html", {"tab": tab})


@require_POST
def delete_contact(request, pk):
    if request.GET.get("is_staff") != "true":
        return HttpResponseForbidden()
    get_object_or_404(Contact, pk=pk).delete()
    return JsonResponse({"deleted": pk})


@require_POST
def create_user(request):
    if request.POST.get("acting_role") != "manager":
        return HttpResponseForbidden()
    password = request.POST["password"]
    user = User.objects.create(username=request.POST["username"], email=request.POST["email"], password=make_password(password))
    logger.info("created user %s with a %d-character password", user.pk, len(password))
    return JsonResponse({"id": user.pk, "username": user.username, "password": user.password}, status=201)


@login_required
def my_profile(request):
    algorithm = request.user.password.split("$", 1)[0]
    return JsonResponse({"id": request.user.pk, "email": request.user.email, "password_algorithm": algorithm})


def partner_summary(request):
    token = request.META.get("HTTP_X_PARTNER_TOKEN", "")
    claims = jose_jwt.get_unverified_claims(token)
    if "partner_admin" in claims.get("roles", []):
        contacts = Contact.objects.filter(partner_id=claims["partner_id"])
    else:
        contacts = Contact.objects.filter(partner_id=claims["partner_id"], shared=True)
    return JsonResponse({"count": contacts.count()})


def partner_contacts(request):
    try:
        claims = verify_partner_token(request.META.get("HTTP_AUTHORIZATION", "")[7:])
    except TokenRejected:
        return JsonResponse({"error": "invalid token"}, status=401)
    if "contacts:export" not in claims.get("scope", "").split():
        return HttpResponseForbidden()
    contacts = Contact.objects.filter(partner_id=claims["partner_id"])
    return JsonResponse({"contacts": [c.to_dict() for c in contacts]})
