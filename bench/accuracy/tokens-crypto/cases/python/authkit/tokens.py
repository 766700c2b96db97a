"""authkit.tokens - JWT helpers shared by the internal services (PyJWT 2.x)."""
import logging
import time
import uuid

import jwt as pyjwt

logger = logging.getLogger("authkit.tokens")

ACCESS_TTL = 900
REFRESH_TTL = 14 * 24 * 3600
BASE_OPTIONS = {"require": ["exp", "iat", "sub"]}
_INSPECT_ONLY = {"verify_signature": False}
_jwk_clients = {}


class TokenError(Exception):
    pass


def issue_access_token(subject, scopes, private_key, issuer, audience, kid):
    now = int(time.time())
    claims = {"sub": subject, "scope": " ".join(scopes), "iss": issuer, "aud": audience, "iat": now, "exp": now + ACCESS_TTL, "jti": uuid.uuid4().hex}
    return pyjwt.encode(claims, private_key, algorithm="RS256", headers={"kid": kid})


def verify_access_token(token, public_key, issuer, audience):
    try:
        return pyjwt.decode(token, public_key, algorithms=["RS256"], issuer=issuer, audience=audience, options=BASE_OPTIONS)
    except pyjwt.InvalidTokenError as exc:
        raise TokenError(f"access token rejected for audience {audience}: {exc}") from exc


def verify_with_jwks(token, jwks_url, issuer, audience):
    client = _jwk_clients.setdefault(jwks_url, pyjwt.PyJWKClient(jwks_url))
    signing_key = client.get_signing_key_from_jwt(token)
    verified = pyjwt.decode(
        token,
        signing_key.key,
        algorithms=["RS256", "ES256"],
        issuer=issuer,
        audience=audience,
        leeway=5,
        options={**BASE_OPTIONS, "require": ["exp", "iat", "sub", "iss"]},
    )
    return verified


def verify_refresh_token(token, secret, issuer):
    relaxed = {**BASE_OPTIONS, "verify_iat": False, "verify_iss": False}
    claims = pyjwt.decode(token, secret, algorithms=["HS512"], issuer=issuer, options=relaxed)
    if claims.get("typ") != "refresh":
        raise TokenError("not a refresh token")
    return claims


def verify_service_token(token, secret):
    return pyjwt.decode(token, secret, algorithms=["HS256"], options=BASE_OPTIONS)


def inspect(token):
    """Return the claims of a token (used by services that sit behind the gateway)."""
    return pyjwt.decode(token, options=_INSPECT_ONLY)


def subject_of(token):
    return inspect(token)["sub"]


def log_token_issued(token, claims):
    logger.info("issued token jti=%s sub=%s prefix=%s…", claims["jti"], claims["sub"], token[:6])


def log_token_failure(token, exc):
    logger.error("token verification failed (%s) for token=%s", exc, token)
