from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class LoanQuerySet(models.QuerySet):
    def overdue(self):
        return self.filter(returned__isnull=True, due__lt=timezone.now())


class Patron(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    card_number = models.CharField(max_length=14, unique=True)
    display_name = models.CharField(max_length=120)
    category = models.CharField(max_length=16, default="adult")
    pin_hash = models.CharField(max_length=200)

    def set_pin(self, pin):
        from accounts.hashing import hash_kiosk_pin

        self.pin_hash = hash_kiosk_pin(pin)
        self.save(update_fields=["pin_hash"])


class Loan(models.Model):
    patron = models.ForeignKey(Patron, on_delete=models.CASCADE)
    item_barcode = models.CharField(max_length=20)
    checked_out = models.DateTimeField(auto_now_add=True)
    due = models.DateTimeField()
    returned = models.DateTimeField(null=True)
    renewals = models.PositiveSmallIntegerField(default=0)
    fine_cents = models.PositiveIntegerField(default=0)

    objects = LoanQuerySet.as_manager()

    def extend(self, days, ignore_holds=False):
        self.due = self.due + timedelta(days=days)
        self.renewals += 1
        self.save(update_fields=["due", "renewals"])

    def as_dict(self):
        return {"item": self.item_barcode, "due": self.due.isoformat(), "returned": bool(self.returned)}
