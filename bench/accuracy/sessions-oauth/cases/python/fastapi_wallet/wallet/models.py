import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .db import Base


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    token_version: Mapped[int] = mapped_column(default=0)
    reset_token_hash: Mapped[str | None] = mapped_column(sa.CHAR(64))
    is_admin: Mapped[bool] = mapped_column(default=False)

    refresh_tokens: Mapped[list["RefreshToken"]] = relationship(back_populates="user")


class RefreshToken(Base):
    __tablename__ = "refresh_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    family_id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4, index=True)
    revoked: Mapped[bool] = mapped_column(default=False)
    expires_at: Mapped[datetime]

    user: Mapped[User] = relationship(back_populates="refresh_tokens")


class Merchant(Base):
    __tablename__ = "merchants"

    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.String(120), nullable=False)
    login_email = sa.Column(sa.String(254), unique=True, nullable=False)
    password_hash = sa.Column(sa.String(32), nullable=False)
    password_hint = sa.Column(sa.String(40))
    settlement_iban = sa.Column(sa.String(34))


class Transfer(Base):
    __tablename__ = "transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    sender_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recipient_iban: Mapped[str] = mapped_column(String(34))
    amount_cents: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(server_default=sa.func.now())
