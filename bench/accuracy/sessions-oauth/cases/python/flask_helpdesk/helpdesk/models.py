import hashlib
from datetime import datetime, timezone

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from . import db


class Account(UserMixin, db.Model):
    __tablename__ = "accounts"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(254), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    kind = db.Column(db.String(10), nullable=False, default="customer")  # "agent" | "customer" | "admin"
    slack_user_id = db.Column(db.String(32), unique=True)
    password_hash = db.Column(db.String(256), nullable=False, default="")
    magic_token_hash = db.Column(db.String(64), index=True)

    def set_password(self, raw):
        self.password_hash = generate_password_hash(raw)

    def check_password(self, raw):
        return bool(self.password_hash) and check_password_hash(self.password_hash, raw)


def hash_magic_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class Ticket(db.Model):
    __tablename__ = "tickets"

    id = db.Column(db.Integer, primary_key=True)
    requester_id = db.Column(db.Integer, db.ForeignKey("accounts.id"), nullable=False)
    assignee_id = db.Column(db.Integer, db.ForeignKey("accounts.id"))
    subject = db.Column(db.String(200), nullable=False)
    status = db.Column(db.String(12), nullable=False, default="open")
    updated_at = db.Column(db.DateTime(timezone=True), default=lambda: datetime.now(timezone.utc))
