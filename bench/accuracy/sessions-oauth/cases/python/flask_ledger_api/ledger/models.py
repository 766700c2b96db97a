from datetime import datetime, timezone

import bcrypt
from sqlalchemy import CHAR, Column, DateTime, ForeignKey, Integer, String

from .extensions import db


def utcnow():
    return datetime.now(timezone.utc)


class User(db.Model):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(254), unique=True, nullable=False)
    password_hash = Column(String(128), nullable=False)
    token_version = Column(Integer, nullable=False, default=0)
    password_changed_at = Column(DateTime(timezone=True))
    role = Column(String(16), nullable=False, default="member")

    def set_password(self, raw):
        self.password_hash = bcrypt.hashpw(raw.encode(), bcrypt.gensalt()).decode()

    def check_password(self, raw):
        return bcrypt.checkpw(raw.encode(), self.password_hash.encode())


class ApiUser(db.Model):
    """Machine accounts for the accounting-software sync."""

    __tablename__ = "api_users"

    id = Column(Integer, primary_key=True)
    client_name = Column(String(80), unique=True, nullable=False)
    password_hash = Column(String(32), nullable=False)


class SyncCredential(db.Model):
    __tablename__ = "sync_credentials"

    id = Column(Integer, primary_key=True)
    provider = Column(String(40), nullable=False, index=True)
    username = Column(String(120), nullable=False)
    password_hash = Column(CHAR(40), nullable=False)
    created_at = Column(DateTime(timezone=True), default=utcnow)


class TokenBlocklist(db.Model):
    __tablename__ = "token_blocklist"

    id = Column(Integer, primary_key=True)
    jti = Column(String(36), nullable=False, unique=True, index=True)
    token_type = Column(String(10), nullable=False)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class OAuthState(db.Model):
    __tablename__ = "oauth_states"

    state = Column(String(64), primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
