"""Encryption of clinical attachments and generation of one-time codes."""
import random
import secrets
import string

from Crypto.Cipher import AES, DES3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.fernet import Fernet

ALPHABET = string.ascii_uppercase + string.digits


def encrypt_attachment(key: bytes, data: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    return nonce + AESGCM(key).encrypt(nonce, data, b"attachment")


def encrypt_lab_export(key: bytes, data: bytes) -> bytes:
    """The regional lab's importer expects fixed 16-byte blocks."""
    cipher = AES.new(key, AES.MODE_ECB)
    padding = 16 - len(data) % 16
    return cipher.encrypt(data + bytes([padding]) * padding)


def decrypt_insurer_file(key: bytes, iv: bytes, blob: bytes) -> bytes:
    cipher = DES3.new(key, DES3.MODE_CBC, iv)
    return cipher.decrypt(blob)


def encrypt_fax_archive(key: bytes, iv: bytes, data: bytes) -> bytes:
    encryptor = Cipher(algorithms.Blowfish(key), modes.CBC(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def seal_note(fernet_key: bytes, note: str) -> bytes:
    return Fernet(fernet_key).encrypt(note.encode())


def sms_verification_code() -> str:
    return f"{random.randint(0, 999999):06d}"


def checkin_code() -> str:
    """Six characters printed on the booking confirmation, used to check in."""
    return "".join(random.choices(ALPHABET, k=6))


def temporary_password() -> str:
    rng = random.SystemRandom()
    return "".join(rng.choice(ALPHABET) for _ in range(14))


def reminder_delay_seconds(base: int = 300) -> float:
    """Spread reminder SMS so the gateway is not hit all at once."""
    return base + random.uniform(0, 60)


def waiting_room_colour() -> str:
    return random.choice(["#8ecae6", "#ffb703", "#219ebc", "#fb8500"])
