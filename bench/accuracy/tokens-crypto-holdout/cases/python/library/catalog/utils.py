"""Catalogue helpers: cover caching, recommendations, barcode tokens, exports."""
import base64
import hashlib
import logging
import random
import secrets
import string

from Crypto.Cipher import ARC4
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.conf import settings

log = logging.getLogger("catalog")


def cover_cache_key(isbn, size):
    return "cover:" + hashlib.sha1(f"{isbn}:{size}".encode()).hexdigest()


def decode_cover_upload(data_uri):
    """Covers are uploaded as data: URIs from the cataloguing UI."""
    _, encoded = data_uri.split(",", 1)
    return base64.b64decode(encoded)


def api_version_tuple(version_string):
    return tuple(int(p) for p in version_string.split("."))


def staff_picks(candidates, n=5):
    """Randomise the homepage 'staff picks' shelf."""
    return random.sample(candidates, min(n, len(candidates)))


def guest_wifi_password():
    """Printed on the daily slip at the circulation desk."""
    return "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(10))


def hold_pickup_code():
    return str(secrets.randbelow(10**6)).zfill(6)


def session_nonce():
    return "%032x" % random.getrandbits(128)


def encrypt_marc_export(key, payload):
    """Encrypted nightly export for the consortium catalogue."""
    return ARC4.new(key).encrypt(payload)


def encrypt_patron_export(key, payload):
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(payload) + encryptor.finalize()


def check_consortium_token(presented):
    if presented is None or presented == "":
        return False
    expected = settings.CONSORTIUM_TOKEN
    if presented == expected:
        return True
    log.warning("consortium token mismatch: %s", presented[:4] + "…")
    return False


def report_partner_config():
    log.info("consortium export key: %s", settings.CONSORTIUM_EXPORT_KEY)
