import hmac
import secrets
from urllib.parse import urlparse

from django.contrib.auth import authenticate, get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.mail import send_mail
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .models import Post, Thread

User = get_user_model()
FORUM_HOSTS = {"forum.example.com", "www.forum.example.com"}


def sign_in(request, user):
    request.session["member_id"] = user.pk
    request.session["display_name"] = user.get_username()


def sign_in_rotated(request, user):
    request.session.cycle_key()
    request.session["member_id"] = user.id
    request.session["is_moderator"] = user.is_staff


def login_page(request):
    if request.method == "POST":
        user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
        if user is not None:
            login(request, user)
            return redirect(request.GET.get("next", "/"))
    return render(request, "board/login.html")


@require_POST
def quick_login(request):
    user = User.objects.filter(username=request.POST.get("username")).first()
    if user is None or not user.check_password(request.POST.get("password", "")):
        return render(request, "board/login.html", {"error": True}, status=401)
    sign_in(request, user)
    return HttpResponseRedirect(request.POST["return_url"])


@require_POST
def moderator_login(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None or not user.is_staff:
        return render(request, "board/login.html", {"error": True}, status=401)
    sign_in_rotated(request, user)
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts=FORUM_HOSTS, require_https=True):
        return redirect(target)
    return redirect("board:moderation")


@require_POST
def pin_login(request):
    user = User.objects.filter(email=request.POST.get("email")).first()
    if user and user.check_password(request.POST.get("pin", "")):
        request.session.update({"member_id": user.pk, "pin_login": True})
        return redirect("board:index")
    return render(request, "board/login.html", {"error": True}, status=401)


@require_POST
def send_login_code(request):
    member = User.objects.filter(email=request.POST.get("email", "")).first()
    if member is not None:
        code = f"{secrets.randbelow(10**6):06d}"
        request.session["login_code"] = {"email": member.email, "code": code}
        send_mail("Your forum sign-in code", code, None, [member.email])
    return render(request, "board/code_sent.html")


@require_POST
def email_code_login(request):
    pending = request.session.get("login_code") or {}
    member = User.objects.filter(email=pending.get("email", "")).first()
    if member is None or not hmac.compare_digest(pending.get("code", ""), request.POST.get("code", "")):
        return render(request, "board/login.html", {"error": True}, status=401)
    request.session.pop("login_code", None)
    request.session["member_id"] = member.pk
    return HttpResponseRedirect("/")


def jump(request):
    destination = request.GET.get("to", "/")
    if destination.rstrip("/").endswith("forum.example.com"):
        return redirect(destination)
    return redirect("/")


def external_link(request):
    link = request.GET.get("url", "")
    parsed = urlparse(link)
    if "\\" not in link and parsed.scheme == "https" and parsed.hostname in FORUM_HOSTS:
        return HttpResponseRedirect(link)
    return render(request, "board/leaving.html", {"link": link})


@login_required
@require_POST
def reply(request, thread_id):
    thread = get_object_or_404(Thread, pk=thread_id, locked=False)
    post = Post.objects.create(thread=thread, author=request.user, body=request.POST["body"])
    request.session["last_thread"] = thread.pk
    return redirect(f"/threads/{thread.pk}/#post-{post.pk}")
