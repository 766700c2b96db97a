"""authkit.crypto - symmetric encryption, random tokens and signature checks."""
import hashlib
import hmac
import os
import random
import secrets
import string

from Crypto.Cipher import DES, Blowfish
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

ALPHABET = string.ascii_letters + string.digits
INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def seal_stream(key: bytes, plaintext: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    return nonce + ChaCha20Poly1305(key).encrypt(nonce, plaintext, None)


def fernet_for(key: bytes) -> Fernet:
    return Fernet(key)


def encrypt_cookie_ecb(key: bytes, data: bytes) -> bytes:
    padded = data + b"\0" * (-len(data) % 16)
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def encrypt_mainframe_record(key: bytes, iv: bytes, record: bytes) -> bytes:
    encryptor = Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(record) + encryptor.finalize()


def decrypt_badge_payload(key: bytes, blob: bytes) -> bytes:
    return DES.new(key, DES.MODE_ECB).decrypt(blob)


def decrypt_vendor_feed(key: bytes, iv: bytes, blob: bytes) -> bytes:
    return Blowfish.new(key, Blowfish.MODE_CBC, iv).decrypt(blob)


def api_key() -> str:
    return "ak_" + "".join(random.choice(ALPHABET) for _ in range(40))


def invite_code() -> str:
    return "".join(random.sample(INVITE_ALPHABET, 8))


def recovery_codes(n: int = 10) -> list:
    return ["".join(secrets.choice(INVITE_ALPHABET) for _ in range(10)) for _ in range(n)]


def csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_matches(session_token: str, submitted: str) -> bool:
    return session_token == submitted


def sign(secret: bytes, body: bytes) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def signature_ok(secret: bytes, body: bytes, signature: str) -> bool:
    if len(signature) != 64:
        return False
    return secrets.compare_digest(sign(secret, body), signature)


def legacy_signature_ok(secret: bytes, body: bytes, signature: str) -> bool:
    return sign(secret, body) == signature.lower()
