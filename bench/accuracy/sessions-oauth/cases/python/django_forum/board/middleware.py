from django.utils import timezone

from .models import MemberProfile


class LastSeenMiddleware:
    """Stamps MemberProfile.last_seen at most once a minute per member."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = timezone.now()
            MemberProfile.objects.filter(user=user).exclude(
                last_seen__gt=now - timezone.timedelta(minutes=1)
            ).update(last_seen=now)
        return response
