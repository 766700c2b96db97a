"""Verification of SSO and inter-library-loan tokens."""
import json
import logging

from authlib.jose import JsonWebKey
from authlib.jose import jwt as authlib_jwt
from django.conf import settings
from jose import jwt as jose_jwt
from jwcrypto import jwk
from jwcrypto import jwt as jwc

from accounts.jwks import fetch_jwks

log = logging.getLogger("accounts.tokens")


def _sso_key_for(token):
    header = jose_jwt.get_unverified_header(token)
    keys = fetch_jwks(settings.COUNTY_SSO_JWKS_URL)
    return next(k for k in keys["keys"] if k["kid"] == header["kid"])


def verify_sso_token(token):
    key = _sso_key_for(token)
    return jose_jwt.decode(token, key, algorithms=["RS256"], audience=settings.COUNTY_SSO_AUDIENCE, issuer=settings.COUNTY_SSO_ISSUER)


def verify_branch_token(token):
    """Tokens minted by the branch self-checkout terminals."""
    key = _sso_key_for(token)
    return jose_jwt.decode(token, key, algorithms=["RS256"], audience="self-checkout")


def verify_mobile_app_token(token):
    key = _sso_key_for(token)
    return jose_jwt.decode(token, key, algorithms=["RS256"], audience="library-app", issuer=settings.COUNTY_SSO_ISSUER, options={"leeway": 30})


def verify_partner_request(token, partner_code):
    key_path = settings.ILL_PARTNER_KEYS_DIR / f"{partner_code}.json"
    key = JsonWebKey.import_key(json.loads(key_path.read_text()))
    claims = authlib_jwt.decode(token, key)
    claims.validate()
    if not claims["iss"].startswith(settings.ILL_ISSUER_PREFIX):
        raise PermissionError("unexpected issuer")
    return claims


def verify_partner_callback(token, partner_code):
    key_path = settings.ILL_PARTNER_KEYS_DIR / f"{partner_code}.json"
    key = JsonWebKey.import_key(json.loads(key_path.read_text()))
    payload = authlib_jwt.decode(token, key)
    return {"partner": payload["iss"], "loan_id": payload["loan_id"]}


def verify_reader_device(token, device_key_json):
    """E-reader devices sign a short JWT with an enrolled key."""
    key = jwk.JWK.from_json(device_key_json)
    parsed = jwc.JWT(jwt=token, key=key, algs=["ES256"], check_claims={"iss": "ereader", "exp": None})
    return json.loads(parsed.claims)


def reader_device_claims(token):
    """Older firmware does not sign; we just read who the device says it is."""
    parsed = jwc.JWT(jwt=token)
    claims = json.loads(parsed.token.objects["payload"])
    return claims["patron_id"]
