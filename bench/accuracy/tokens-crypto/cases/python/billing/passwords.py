"""Password storage and reset for billing portal users."""
import hashlib
import hmac
import logging
import os
import secrets
from datetime import datetime, timedelta, timezone

import bcrypt

from . import settings
from .models import PasswordReset, User, db

logger = logging.getLogger(__name__)

BCRYPT_ROUNDS = 12
RESET_TTL = timedelta(hours=1)


def _derive(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, settings.PBKDF2_ITERATIONS)


def set_password(user: User, password: str) -> None:
    user.password_salt = os.urandom(16)
    user.password_hash = _derive(password, user.password_salt)
    user.password_scheme = "pbkdf2"
    db.session.commit()
    logger.info("credentials updated for user %s", user.id, extra={"password_changed": True})


def check_password(user: User, password: str) -> bool:
    if user.password_scheme == "bcrypt":
        return bcrypt.checkpw(password.encode(), user.password_hash)
    return hmac.compare_digest(_derive(password, user.password_salt), user.password_hash)


def upgrade_to_bcrypt(user: User, password: str) -> None:
    """Called after a successful login; moves the user to bcrypt."""
    user.password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=BCRYPT_ROUNDS))
    user.password_scheme = "bcrypt"
    db.session.commit()


def start_password_reset(user: User) -> str:
    token = secrets.token_urlsafe(32)
    digest = hashlib.sha256(token.encode()).hexdigest()
    expires_at = datetime.now(timezone.utc) + RESET_TTL
    db.session.add(PasswordReset(user_id=user.id, token_hash=digest, expires_at=expires_at))
    db.session.commit()
    logger.info("password reset email queued for user %s", user.id)
    return token


def redeem_password_reset(token: str, new_password: str) -> User:
    lookup = hashlib.sha256(token.encode()).hexdigest()
    reset = PasswordReset.query.filter_by(token_hash=lookup, used=False).first()
    if reset is None or reset.expires_at < datetime.now(timezone.utc):
        raise ValueError(f"reset token {token} is unknown or expired")
    user = db.session.get(User, reset.user_id)
    set_password(user, new_password)
    reset.used = True
    db.session.commit()
    return user
