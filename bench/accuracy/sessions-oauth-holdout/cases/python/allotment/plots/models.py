from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models


class Site(models.Model):
    name = models.CharField(max_length=80)
    postcode = models.CharField(max_length=8)


class Plot(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="plots")
    number = models.CharField(max_length=6)
    size_m2 = models.PositiveIntegerField()
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    annual_rent_pence = models.PositiveIntegerField(default=4500)


class Applicant(models.Model):
    """Someone on the waiting list; they get a portal login before they hold a plot."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=120)
    password_hash = models.CharField(max_length=128)
    joined_list_on = models.DateField(auto_now_add=True)
    preferred_site = models.ForeignKey(Site, null=True, on_delete=models.SET_NULL)

    def set_password(self, raw):
        self.password_hash = make_password(raw)

    def check_password(self, raw):
        return check_password(raw, self.password_hash)
