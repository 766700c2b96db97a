"""Partner-portal and support tokens (python-jose)."""
import json
import logging
import time

from django.conf import settings
from jose import jwt as jose_jwt
from jose.exceptions import JWTError

logger = logging.getLogger(__name__)

with open(settings.CRM_JWT["JWKS_PATH"], encoding="utf-8") as fh:
    _PARTNER_KEYS = {k["kid"]: k for k in json.load(fh)["keys"]}


class TokenRejected(Exception):
    pass


def _partner_key(token):
    header = jose_jwt.get_unverified_header(token)
    return _PARTNER_KEYS[header["kid"]]


def verify_partner_token(token):
    try:
        return jose_jwt.decode(token, _partner_key(token), algorithms=["RS256"], audience=settings.CRM_JWT["AUDIENCE"], issuer=settings.CRM_JWT["ISSUER"])
    except (JWTError, KeyError) as exc:
        raise TokenRejected(str(exc)) from exc


def issue_support_token(agent):
    now = int(time.time())
    claims = {"sub": str(agent.pk), "iss": "crm", "aud": "crm-support", "iat": now, "exp": now + 900}
    return jose_jwt.encode(claims, settings.SUPPORT_TOKEN_SECRET, algorithm="HS256")


def verify_support_token(token):
    claims = jose_jwt.decode(token, settings.SUPPORT_TOKEN_SECRET, algorithms=["HS256"], audience="crm-support")
    return claims["sub"]


def verify_bulk_import_token(token):
    """Bulk imports can run for hours, so the token may expire mid-run."""
    batch_claims = jose_jwt.decode(
        token,
        settings.SUPPORT_TOKEN_SECRET,
        algorithms=["HS256"],
        audience="crm-import",
        issuer="crm",
        options={"verify_exp": False},
    )
    return batch_claims["sub"], batch_claims.get("batch")


def describe_token(token):
    try:
        claims = verify_partner_token(token)
    except TokenRejected:
        logger.info("partner token rejected")
        return None
    logger.info("partner token for %s expires at %s", claims["sub"], claims["exp"])
    return claims
