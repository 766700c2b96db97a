from django.conf import settings
from django.db import models


class Loan(models.Model):
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="loans")
    copy = models.ForeignKey("catalogue.Copy", on_delete=models.PROTECT, related_name="loans")
    borrowed_on = models.DateField(auto_now_add=True)
    due_on = models.DateField()
    renewals = models.PositiveSmallIntegerField(default=0)
    returned_on = models.DateField(null=True, blank=True)
