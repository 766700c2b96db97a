import hashlib

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models


class PatientManager(BaseUserManager):
    def create_user(self, email, password=None, **extra):
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class Clinic(models.Model):
    name = models.CharField(max_length=120)
    timezone = models.CharField(max_length=40, default="Europe/Berlin")

    def __str__(self):
        return self.name


class Patient(AbstractBaseUser, PermissionsMixin):
    password = models.CharField("password", max_length=255)
    email = models.EmailField(unique=True)
    mrn = models.CharField("medical record number", max_length=20, unique=True, null=True)
    full_name = models.CharField(max_length=150)
    kiosk_pin = models.CharField(max_length=128, blank=True)
    role = models.CharField(max_length=20, default="patient")
    email_reminders = models.BooleanField(default=True)
    sms_reminders = models.BooleanField(default=False)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    clinics = models.ManyToManyField(Clinic, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]
    objects = PatientManager()

    def set_pin(self, pin):
        self.kiosk_pin = make_password(pin)

    def check_pin(self, pin):
        return bool(self.kiosk_pin) and check_password(pin, self.kiosk_pin)


class ProxyGrant(models.Model):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="proxy_grants")
    grantee_name = models.CharField(max_length=150)
    code_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()

    @staticmethod
    def hash_code(code):
        return hashlib.sha256(code.encode()).hexdigest()
