from django.conf import settings
from django.db import models


class Thread(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="threads")
    created_at = models.DateTimeField(auto_now_add=True)
    locked = models.BooleanField(default=False)


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)


class MemberProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    github_id = models.BigIntegerField(null=True, unique=True)
    discord_id = models.CharField(max_length=32, null=True, unique=True)
    signature = models.CharField(max_length=300, blank=True)
    last_seen = models.DateTimeField(null=True)


class LegacyMember(models.Model):
    """Accounts imported from the old phpBB board; they sign in once and are migrated."""

    username = models.CharField(max_length=60, unique=True)
    email = models.EmailField()
    password_hash = models.CharField(max_length=40)
    password_changed_at = models.DateTimeField(null=True)
    migrated_user = models.OneToOneField(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)


class ApiRefreshToken(models.Model):
    jti = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="refresh_tokens")
    issued_at = models.DateTimeField(auto_now_add=True)
