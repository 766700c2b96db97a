import hashlib
from datetime import datetime, timezone

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
_hasher = PasswordHasher()


class User(db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(254), unique=True, nullable=False)
    password_hash = db.Column(db.Text, nullable=False)
    password_changed_at = db.Column(db.DateTime(timezone=True))
    country_code = db.Column(db.String(2))
    role = db.Column(db.String(20), nullable=False, default="clerk")
    reset_code_hash = db.Column(db.String(64), index=True)

    def set_password(self, raw):
        self.password_hash = _hasher.hash(raw)
        self.password_changed_at = datetime.now(timezone.utc)

    def verify_password(self, raw):
        try:
            return _hasher.verify(self.password_hash, raw)
        except VerifyMismatchError:
            return False


def hash_reset_code(code):
    return hashlib.sha256(code.encode()).hexdigest()


class Supplier(db.Model):
    """Suppliers log in to the delivery portal with a shared account per company."""

    __tablename__ = "suppliers"

    id = db.Column(db.Integer, primary_key=True)
    company = db.Column(db.String(120), nullable=False)
    login = db.Column(db.String(60), unique=True, nullable=False)
    password_hash = db.Column(db.String(45), nullable=False)


class Item(db.Model):
    __tablename__ = "items"

    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(40), unique=True, nullable=False)
    name = db.Column(db.String(200), nullable=False)
    quantity = db.Column(db.Integer, nullable=False, default=0)
    warehouse = db.Column(db.String(10), nullable=False)
