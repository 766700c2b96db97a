"""Encrypted contact exports, downloaded by partners and opened with a passphrase."""
import base64
import csv
import hashlib
import hmac
import io
import logging
import os
import random

from cryptography.fernet import Fernet
from django.conf import settings

logger = logging.getLogger(__name__)
EXPORT_FIELDS = ["first_name", "last_name", "email", "company", "phone"]


def _export_key(passphrase: str, salt: bytes) -> bytes:
    raw = hashlib.pbkdf2_hmac("sha256", passphrase.encode(), salt, settings.EXPORT_PBKDF2_ITERATIONS)
    return base64.urlsafe_b64encode(raw)


def _rows_as_csv(contacts) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for contact in contacts:
        writer.writerow({f: getattr(contact, f) for f in EXPORT_FIELDS})
    return buf.getvalue().encode()


def build_export(contacts, passphrase: str):
    salt = os.urandom(16)
    sealed = Fernet(_export_key(passphrase, salt)).encrypt(_rows_as_csv(contacts))
    checksum = hashlib.sha256(sealed).hexdigest()
    logger.info("export built: %d contacts, %d bytes", len(contacts), len(sealed))
    return salt + sealed, checksum


def qa_sample(contacts, k=25):
    """Pick a few rows for the data-quality spot check shown to the export owner."""
    rows = list(contacts)
    return random.sample(rows, min(k, len(rows)))


def download_signature(export_id: int) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"export:{export_id}".encode(), hashlib.sha256).hexdigest()


def check_download_signature(export_id: int, provided: str) -> bool:
    return hmac.compare_digest(download_signature(export_id), provided)
