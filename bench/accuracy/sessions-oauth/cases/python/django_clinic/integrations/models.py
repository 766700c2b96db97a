from django.conf import settings
from django.db import models


class FhirConnection(models.Model):
    patient = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    ehr_token = models.JSONField(null=True, blank=True)
    fhir_token = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)


class WearableLink(models.Model):
    patient = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    token = models.JSONField()
    linked_at = models.DateTimeField(auto_now_add=True)
