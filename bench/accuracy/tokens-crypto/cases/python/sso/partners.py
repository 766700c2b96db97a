"""Partner federation: tokens from partner IdPs (jwcrypto) and signed assertion links."""
import base64
import json
import logging
from urllib.parse import urlsplit

import jwt as pyjwt
from flask import Blueprint, abort, jsonify, request
from jose import jwt as jose_jwt
from jwcrypto import jwk
from jwcrypto import jwt as jwcrypto_jwt

from . import config

bp = Blueprint("partners", __name__, url_prefix="/partners")
logger = logging.getLogger("sso.partners")
_partner_keyset = jwk.JWKSet.from_json(json.dumps(config.UPSTREAM_JWKS))
PARTNER_DOMAINS = {"partner.example", "acme.example"}


def _partner_domain(url):
    host = urlsplit(url).hostname or ""
    return ".".join(host.split(".")[-2:])


@bp.post("/assertion")
def accept_assertion():
    raw = request.form["assertion"]
    token = jwcrypto_jwt.JWT(jwt=raw, key=_partner_keyset, algs=["RS256", "ES256"], check_claims={"iss": config.UPSTREAM_ISSUER, "exp": None})
    claims = json.loads(token.claims)
    return jsonify({"sub": claims["sub"], "partner": claims.get("org")})


@bp.post("/preview")
def preview_assertion():
    token = jwcrypto_jwt.JWT(jwt=request.form["assertion"])
    claims = json.loads(token.token.objects["payload"])
    if claims.get("org_role") == "owner":
        return jsonify({"sub": claims["sub"], "can_manage": True})
    return jsonify({"sub": claims["sub"], "can_manage": False})


@bp.post("/link")
def link_partner_account():
    callback = request.form["callback_url"]
    if _partner_domain(callback) not in PARTNER_DOMAINS:
        abort(400)
    link_options = {"verify_signature": False}
    link = pyjwt.decode(request.form["link_token"], options=link_options)
    return jsonify({"linked": link["sub"], "callback": callback})


@bp.post("/legacy-exchange")
def legacy_exchange():
    """Old partners send python-jose tokens signed with the shared secret."""
    claims = jose_jwt.decode(request.form["token"], config.SESSION_SECRET, algorithms=["HS256"], issuer="partner-legacy", options={"verify_signature": False})
    logger.info("legacy exchange for partner subject %s", claims["sub"])
    return jsonify({"sub": claims["sub"]})


@bp.post("/avatar")
def upload_partner_avatar():
    data_url = request.form["avatar"]
    header, _, encoded = data_url.partition(",")
    if header != "data:image/png;base64":
        abort(415)
    image = base64.b64decode(encoded)
    logger.info("partner avatar uploaded (%d bytes)", len(image))
    return jsonify({"size": len(image)})


@bp.get("/client-version")
def client_version():
    major, minor, _patch = request.headers.get("X-Client-Version", "0.0.0").split(".")
    return jsonify({"supported": (int(major), int(minor)) >= (3, 2)})
