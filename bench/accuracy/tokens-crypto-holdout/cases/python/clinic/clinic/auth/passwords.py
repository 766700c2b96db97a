"""Password hashing for staff and patient-portal accounts."""
import hashlib
import hmac
import os

import bcrypt
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

from clinic import settings

_argon = PasswordHasher()


def hash_password(password: str) -> str:
    """Current scheme for new staff accounts."""
    return _argon.hash(password)


def verify_password(stored: str, password: str) -> bool:
    if stored.startswith("$argon2"):
        try:
            return _argon.verify(stored, password)
        except VerifyMismatchError:
            return False
    if stored.startswith("$2b$"):
        return bcrypt.checkpw(password.encode(), stored.encode())
    if stored.startswith("pbkdf2$"):
        return _verify_legacy_pbkdf2(stored, password)
    return False


def hash_portal_password(password: str) -> bytes:
    """Patient portal accounts (bcrypt, shared with the mobile backend)."""
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=settings.BCRYPT_ROUNDS))


def hash_kiosk_pin(pin: str) -> bytes:
    """Kiosks are slow ARM boards, keep the work factor low so check-in is snappy."""
    return bcrypt.hashpw(pin.encode("utf-8"), bcrypt.gensalt(rounds=6))


def _verify_legacy_pbkdf2(stored: str, password: str) -> bool:
    _, salt_hex, digest_hex = stored.split("$")
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt_hex), settings.LEGACY_PBKDF2_ITERATIONS)
    return hmac.compare_digest(candidate.hex(), digest_hex)


def rehash_pbkdf2(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, settings.PBKDF2_ITERATIONS)
    return f"pbkdf2${salt.hex()}${digest.hex()}"


def hash_reset_token(raw_token: str) -> str:
    """Reset tokens are 32 random bytes; store only their digest for lookup."""
    return hashlib.sha256(raw_token.encode()).hexdigest()


def hash_device_password(password: str, device_serial: str) -> str:
    """Infusion-pump bridge accounts; the bridge firmware only speaks SHA-256."""
    salted = f"{device_serial}:{password}".encode()
    return hashlib.sha256(salted).hexdigest()


def scrypt_password(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=64)
