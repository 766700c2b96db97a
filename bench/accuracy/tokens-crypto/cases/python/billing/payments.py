"""Card vault and card-present terminal payloads."""
import json
import logging
import random
import secrets
import time

from Crypto.Cipher import AES, DES3
from Crypto.Util.Padding import pad, unpad

from . import settings

logger = logging.getLogger(__name__)


class CardVault:
    """Stores primary account numbers encrypted at rest."""

    def __init__(self, key=settings.CARD_VAULT_KEY):
        self.key = key

    def seal(self, pan: str) -> bytes:
        cipher = AES.new(self.key, AES.MODE_GCM)
        ciphertext, tag = cipher.encrypt_and_digest(pan.encode())
        return cipher.nonce + tag + ciphertext

    def unseal(self, blob: bytes) -> str:
        nonce, tag, ciphertext = blob[:16], blob[16:32], blob[32:]
        cipher = AES.new(self.key, AES.MODE_GCM, nonce=nonce)
        return cipher.decrypt_and_verify(ciphertext, tag).decode()


def _terminal_key(terminal_id: str) -> bytes:
    with open(settings.TERMINAL_KEYS_PATH, encoding="utf-8") as fh:
        return bytes.fromhex(json.load(fh)[terminal_id])


def decrypt_terminal_payload(terminal_id: str, blob: bytes) -> dict:
    """Card-present terminals from 2012 still send 3DES-CBC payloads."""
    iv, body = blob[:8], blob[8:]
    cipher = DES3.new(_terminal_key(terminal_id), DES3.MODE_CBC, iv)
    return json.loads(unpad(cipher.decrypt(body), 8))


def reference_token(reference: str) -> str:
    """Deterministic opaque reference shown on bank statements."""
    cipher = AES.new(settings.CARD_VAULT_KEY, AES.MODE_ECB)
    return cipher.encrypt(pad(reference.encode(), 16)).hex()


def idempotency_key() -> str:
    return secrets.token_hex(16)


def submit_with_retry(send, payload, attempts=5):
    key = idempotency_key()
    for attempt in range(attempts):
        try:
            return send(payload, idempotency_key=key)
        except ConnectionError:
            delay = min(30.0, 2 ** attempt) + random.uniform(0, 0.5)
            logger.info("psp unreachable, retry %d in %.1fs", attempt + 1, delay)
            time.sleep(delay)
    raise RuntimeError("payment provider unreachable after %d attempts" % attempts)
