from django.contrib.auth.models import AbstractUser
from django.db import models


class Branch(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=120)

    def __str__(self):
        return self.name


class Member(AbstractUser):
    card_number = models.CharField(max_length=14, unique=True)
    home_branch = models.ForeignKey(Branch, null=True, on_delete=models.SET_NULL, related_name="members")
    country_code = models.CharField(max_length=2, default="GB")
    email_reminders = models.BooleanField(default=True)
    sms_reminders = models.BooleanField(default=False)

    class Meta:
        ordering = ["last_name", "first_name"]
