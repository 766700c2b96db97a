from django.conf import settings
from django.db import models


class Appointment(models.Model):
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=120)
    starts_at = models.DateTimeField()
    cancelled = models.BooleanField(default=False)


class LabResult(models.Model):
    external_id = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=20)


class Message(models.Model):
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    body = models.TextField()
    sent_at = models.DateTimeField(auto_now_add=True)
