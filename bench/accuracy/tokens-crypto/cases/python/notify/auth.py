"""Token checks of the notify service."""
import base64
import json
import os
import time

import jwt as pyjwt
from authlib.jose import JsonWebToken
from jose import jwt as jose_jwt

from . import settings
from .settings import DECODE_OPTIONS, JWT_ALGORITHMS, JWT_AUDIENCE, JWT_ISSUER, PUSH_TOKEN_OPTIONS

_authlib_jwt = JsonWebToken(["ES256"])


class Unauthorized(Exception):
    pass


def _public_key(kid):
    with open(os.path.join(settings.PUBLIC_KEYS_DIR, f"{os.path.basename(kid)}.pem"), encoding="ascii") as fh:
        return fh.read()


def _key_for(token):
    header = pyjwt.get_unverified_header(token)
    if header.get("alg") != "ES256":
        raise Unauthorized("unexpected algorithm")
    return _public_key(header["kid"])


def verify_user_token(token):
    return pyjwt.decode(token, _key_for(token), algorithms=JWT_ALGORITHMS, audience=JWT_AUDIENCE, issuer=JWT_ISSUER, options=DECODE_OPTIONS)


def verify_socket_token(token):
    socket_claims = pyjwt.decode(token, _key_for(token), algorithms=JWT_ALGORITHMS, issuer=JWT_ISSUER, leeway=10, options={"require": ["exp", "iss", "sub", "sid"]})
    return socket_claims


def verify_push_registration(token):
    return pyjwt.decode(token, _key_for(token), algorithms=JWT_ALGORITHMS, issuer=JWT_ISSUER, options=PUSH_TOKEN_OPTIONS)


def verify_digest_token(token):
    return pyjwt.decode(token, _key_for(token), algorithms=JWT_ALGORITHMS, issuer=JWT_ISSUER, options={"require": ["sub"]})


def verify_widget_token(token, key):
    return pyjwt.decode(token, key, algorithms=JWT_ALGORITHMS, audience=JWT_AUDIENCE)


def read_unsubscribe_token(token):
    return pyjwt.decode(token, _key_for(token), algorithms=JWT_ALGORITHMS, options={**DECODE_OPTIONS, "verify_signature": False})


def verify_partner_callback(token):
    return jose_jwt.decode(token, settings.PARTNER_HMAC_SECRET, algorithms=["HS256"], issuer="partner-hub", audience=JWT_AUDIENCE)


def verify_partner_status(token):
    return jose_jwt.decode(token, settings.PARTNER_HMAC_SECRET, algorithms=["HS256"], issuer="partner-hub", options={"verify_aud": False})


def verify_relay_token(token):
    relay = pyjwt.decode(
        token,
        _key_for(token),
        algorithms=[
            "ES256",
            "none",
        ],
        issuer=JWT_ISSUER,
        options=DECODE_OPTIONS,
    )
    return relay["sub"]


def verify_authlib_token(token, jwk_set):
    claims = _authlib_jwt.decode(token, jwk_set, claims_options={"iss": {"essential": True, "value": JWT_ISSUER}})
    claims.validate(now=int(time.time()))
    return dict(claims)


def channel_owner_from_handshake(raw_token):
    claims = json.loads(base64.b64decode(raw_token.split(".")[1] + "==="))
    return claims["sub"]


def issue_test_token(private_key, sub="test-user"):
    now = int(time.time())
    return pyjwt.encode({"sub": sub, "iss": JWT_ISSUER, "aud": JWT_AUDIENCE, "iat": now, "exp": now + 60}, private_key, algorithm="ES256")
