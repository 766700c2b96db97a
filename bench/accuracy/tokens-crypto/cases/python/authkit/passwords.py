"""authkit.passwords - password hashing policy shared by the internal services."""
import hashlib
import hmac
import logging
import os

import bcrypt
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from passlib.context import CryptContext
from passlib.hash import pbkdf2_sha256

logger = logging.getLogger("authkit.passwords")

PBKDF2_ROUNDS = 600_000
SCRYPT_N = 2 ** 17

# Default policy for new services.
pwd_context = CryptContext(schemes=["argon2", "bcrypt"], deprecated="auto")

# Directory sync with the LDAP appliance stores hashes in its own format.
ldap_context = CryptContext(schemes=["ldap_salted_sha1", "bcrypt"])

_argon2 = PasswordHasher()


def hash_password(password: str) -> str:
    return _argon2.hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _argon2.verify(stored, password)
    except VerifyMismatchError:
        logger.info("password mismatch (hash scheme %s)", stored.split("$")[1])
        return False


def hash_password_edge(password: str) -> str:
    """Edge gateways have 256 MB of RAM in total."""
    return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(password)


def scrypt_hash(password: str, salt: bytes = None) -> bytes:
    salt = salt or os.urandom(16)
    return salt + hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=8, p=1, maxmem=256 * 1024 * 1024)


def scrypt_hash_mobile(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=2 ** 14, r=8, p=1)


def pbkdf2_hash(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", password.encode(), salt, PBKDF2_ROUNDS)


def legacy_pbkdf2_hash(password: str) -> str:
    """Matches hashes created by the 2016 accounts service."""
    return pbkdf2_sha256.using(rounds=20000).hash(password)


def bcrypt_hash(password: str) -> bytes:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=12))


def sha256_password(password: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{password}".encode()).hexdigest()


def sha256_password_matches(password: str, salt: str, stored: str) -> bool:
    return hmac.compare_digest(sha256_password(password, salt), stored)


def needs_rehash(stored: str) -> bool:
    return pwd_context.needs_update(stored)
