from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models


class Event(models.Model):
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    capacity = models.PositiveIntegerField(default=100)
    organizer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)


class Attendee(models.Model):
    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=20, blank=True)
    display_name = models.CharField(max_length=80, blank=True)
    password = models.CharField(max_length=128, blank=True)
    ticket_code_hash = models.CharField(max_length=64, blank=True)

    def set_password(self, raw):
        self.password = make_password(raw)

    def check_password(self, raw):
        return bool(self.password) and check_password(raw, self.password)


class Rsvp(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    attendee = models.ForeignKey(Attendee, on_delete=models.CASCADE, related_name="rsvps")
    status = models.CharField(max_length=10, default="going")

    class Meta:
        unique_together = [("event", "attendee")]


class OrganizerProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    company = models.CharField(max_length=120, blank=True)
    meetup_token = models.JSONField(null=True, blank=True)
    eventbrite_token = models.JSONField(null=True, blank=True)
