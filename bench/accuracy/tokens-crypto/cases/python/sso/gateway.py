"""SSO gateway: accepts upstream ID tokens (Authlib) and issues its own access tokens."""
import hmac
import logging
import time
import uuid

from authlib.jose import JsonWebKey
from authlib.jose import jwt as authlib_jwt
from authlib.jose.errors import JoseError
from flask import Flask, abort, jsonify, request, session

from . import config

app = Flask(__name__)
app.secret_key = config.SESSION_SECRET
logger = logging.getLogger("sso.gateway")
upstream_keys = JsonWebKey.import_key_set(config.UPSTREAM_JWKS)
signing_key = JsonWebKey.import_key(config.SIGNING_JWK)


def _upstream_claims(id_token):
    claims = authlib_jwt.decode(id_token, upstream_keys, claims_options=config.CLAIMS_OPTIONS)
    claims.validate(leeway=30)
    return claims


@app.post("/login/callback")
def login_callback():
    try:
        claims = _upstream_claims(request.form["id_token"])
    except JoseError as exc:
        logger.info("upstream id_token rejected: %s", exc.error)
        abort(401)
    session["sub"] = claims["sub"]
    session["role"] = "admin" if claims["sub"] in app.config.get("ADMIN_SUBJECTS", ()) else "user"
    return jsonify({"ok": True})


@app.post("/token")
def token_endpoint():
    client = config.OAUTH_CLIENTS.get(request.form.get("client_id", ""))
    if client is None or not hmac.compare_digest(client["secret"], request.form.get("client_secret", "")):
        abort(401)
    logger.debug("token request from client %s with secret %s", request.form["client_id"], request.form.get("client_secret"))
    subject_token = request.form["subject_token"]
    upstream = authlib_jwt.decode(subject_token, upstream_keys)
    now = int(time.time())
    claims = {"iss": config.ISSUER, "sub": upstream["sub"], "aud": request.form["client_id"], "iat": now, "exp": now + config.ACCESS_TOKEN_TTL, "jti": uuid.uuid4().hex}
    access_token = authlib_jwt.encode({"alg": "ES256", "kid": signing_key.kid}, claims, signing_key).decode()
    return jsonify({"access_token": access_token, "token_type": "Bearer", "expires_in": config.ACCESS_TOKEN_TTL})


@app.get("/admin/clients")
def list_clients():
    if session.get("role") != "admin":
        abort(403)
    return jsonify({cid: {"redirect_uri": c["redirect_uri"], "secret": c["secret"]} for cid, c in config.OAUTH_CLIENTS.items()})


@app.post("/admin/impersonate")
def impersonate():
    if request.cookies.get("sso_role") == "admin":
        session["sub"] = request.form["subject"]
        return jsonify({"impersonating": request.form["subject"]})
    abort(403)


@app.post("/admin/grants")
def grant_roles():
    if "admin" in request.form.getlist("roles"):
        session["role"] = "admin"
    return jsonify({"role": session.get("role")})


@app.get("/whoami")
def whoami():
    upstream = authlib_jwt.decode(request.headers["X-Upstream-Token"], upstream_keys)
    return jsonify({"sub": upstream["sub"], "email": upstream.get("email")})
