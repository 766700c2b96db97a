"""Database models for owners, clinic staff, appointments and revoked mobile tokens."""
from datetime import datetime, timezone

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db


def _now():
    return datetime.now(timezone.utc)


class Owner(UserMixin, db.Model):
    __tablename__ = "owners"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(254), unique=True, nullable=False)
    display_name = db.Column(db.String(120), nullable=False)
    phone = db.Column(db.String(32))
    password_hash = db.Column(db.String(255), nullable=True)
    kiosk_pin_hash = db.Column(db.String(255))
    created_at = db.Column(db.DateTime(timezone=True), default=_now)

    pets = db.relationship("Pet", back_populates="owner", lazy="selectin")

    def get_id(self):
        return f"owner:{self.id}"

    def set_password(self, raw):
        self.password_hash = generate_password_hash(raw)

    def check_password(self, raw):
        return bool(self.password_hash) and check_password_hash(self.password_hash, raw)

    def check_pin(self, raw):
        return bool(self.kiosk_pin_hash) and check_password_hash(self.kiosk_pin_hash, raw)


class Staff(UserMixin, db.Model):
    __tablename__ = "staff"

    id = db.Column(db.Integer, primary_key=True)
    badge_no = db.Column(db.String(16), unique=True, nullable=False)
    full_name = db.Column(db.String(120), nullable=False)
    clinic_id = db.Column(db.Integer, db.ForeignKey("clinics.id"), nullable=False)
    password_hash = db.Column(db.Text, nullable=False)

    def get_id(self):
        return f"staff:{self.id}"

    def check_password(self, raw):
        return check_password_hash(self.password_hash, raw)


class Pet(db.Model):
    __tablename__ = "pets"

    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("owners.id"), nullable=False)
    name = db.Column(db.String(80), nullable=False)
    species = db.Column(db.String(40), nullable=False)
    owner = db.relationship("Owner", back_populates="pets")


class Appointment(db.Model):
    __tablename__ = "appointments"

    id = db.Column(db.Integer, primary_key=True)
    pet_id = db.Column(db.Integer, db.ForeignKey("pets.id"), nullable=False)
    clinic_id = db.Column(db.Integer, db.ForeignKey("clinics.id"), nullable=False)
    starts_at = db.Column(db.DateTime(timezone=True), nullable=False)
    reason = db.Column(db.String(200))
    status = db.Column(db.String(16), default="booked", nullable=False)
    paid = db.Column(db.Boolean, default=False, nullable=False)


class ProviderToken(db.Model):
    __tablename__ = "provider_tokens"

    id = db.Column(db.Integer, primary_key=True)
    clinic_id = db.Column(db.Integer, nullable=False)
    provider = db.Column(db.String(32), nullable=False)
    access_token = db.Column(db.Text, nullable=False)
    refresh_token = db.Column(db.Text)
    expires_at = db.Column(db.Float)


class TokenBlocklist(db.Model):
    __tablename__ = "token_blocklist"

    id = db.Column(db.Integer, primary_key=True)
    jti = db.Column(db.String(36), nullable=False, index=True)
    token_type = db.Column(db.String(10), nullable=False)
    revoked_at = db.Column(db.DateTime(timezone=True), nullable=False, default=_now)
