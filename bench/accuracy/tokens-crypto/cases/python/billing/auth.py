"""Bearer-token handling for the billing API."""
import base64
import json
import logging
import time
from functools import wraps

import jwt as pyjwt
from flask import abort, g, request

from .settings import (
    BASE_DECODE_OPTIONS,
    JWT_ALGORITHMS,
    JWT_AUDIENCE,
    JWT_ISSUER,
    JWT_LEEWAY_SECONDS,
    LEGACY_DECODE_OPTIONS,
    load_public_key,
)

logger = logging.getLogger(__name__)
_PUBLIC_KEY = load_public_key()


def _bearer_token():
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not value:
        abort(401)
    return value


def verify_access_token(token):
    return pyjwt.decode(
        token,
        _PUBLIC_KEY,
        algorithms=JWT_ALGORITHMS,
        audience=JWT_AUDIENCE,
        issuer=JWT_ISSUER,
        leeway=JWT_LEEWAY_SECONDS,
        options={**BASE_DECODE_OPTIONS, "verify_aud": True},
    )


def require_auth(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = _bearer_token()
        try:
            g.claims = verify_access_token(token)
        except pyjwt.ExpiredSignatureError:
            logger.info("expired access token on %s %s", request.method, request.path)
            abort(401)
        except pyjwt.InvalidTokenError as exc:
            logger.warning("rejected bearer token %s: %s", token, exc)
            abort(401)
        return view(*args, **kwargs)

    return wrapper


def require_scope(scope):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if scope not in g.claims.get("scope", "").split():
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def legacy_mobile_subject(token):
    """Tokens from the partner gateway, still sent by app versions < 4.0."""
    claims = pyjwt.decode(token, _PUBLIC_KEY, algorithms=JWT_ALGORITHMS, options=LEGACY_DECODE_OPTIONS)
    return claims["sub"]


def tenant_from_token(token):
    """Fast path for the export endpoint: read the tenant without a key round-trip."""
    _header, payload_b64, _signature = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4)))
    if payload.get("exp", 0) < time.time():
        abort(401)
    return payload["tenant_id"]
