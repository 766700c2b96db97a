"""Patron PIN / password hashing.

Patrons log in at self-checkout kiosks with a library card number and a PIN, and
on the website with a password. Both go through the contexts below.
"""
import hashlib
import hmac
import logging

from django.contrib.auth.hashers import make_password
from passlib.context import CryptContext

log = logging.getLogger("accounts.hashing")

# Website passwords: argon2 for new hashes, old md5_crypt hashes still verify.
web_context = CryptContext(schemes=["argon2", "md5_crypt"], deprecated="auto")

# Kiosk PINs: the kiosk vendor's firmware validates these itself.
kiosk_context = CryptContext(schemes=["ldap_salted_md5", "argon2"])

# Archive reading-room accounts imported from the university system.
archive_context = CryptContext(schemes=["hex_sha256"])


def hash_web_password(password):
    return web_context.hash(password)


def hash_kiosk_pin(pin):
    return kiosk_context.hash(pin)


def set_staff_password(user, raw_password):
    user.password = make_password(raw_password)
    user.save(update_fields=["password"])
    log.info("password updated for staff user %s", user.pk)


def legacy_ils_digest(card_number, pin):
    """Digest format of the old ILS, needed to match imported accounts."""
    return hashlib.md5(f"{card_number}{pin}".encode("latin-1")).hexdigest()


def legacy_archive_check(password, stored_hex):
    digest = hashlib.new("sha1", password.encode()).hexdigest()
    return hmac.compare_digest(digest, stored_hex)


def gravatar_url(email):
    digest = hashlib.md5(email.strip().lower().encode()).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?d=identicon"
