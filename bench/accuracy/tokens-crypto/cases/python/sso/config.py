"""Configuration of the SSO gateway."""
import json
import logging
import os

logger = logging.getLogger("sso.config")

ISSUER = os.environ.get("SSO_ISSUER", "https://sso.example.org")
UPSTREAM_ISSUER = os.environ.get("SSO_UPSTREAM_ISSUER", "https://login.partner.example")
GATEWAY_AUDIENCE = "sso-gateway"
ACCESS_TOKEN_TTL = 3600
SESSION_SECRET = os.environ.get("SSO_SESSION_SECRET", "")
KEYS_DIR = os.environ.get("SSO_KEYS_DIR", "/etc/sso/keys")

with open(os.path.join(KEYS_DIR, "upstream.jwks.json"), encoding="utf-8") as fh:
    UPSTREAM_JWKS = json.load(fh)

with open(os.path.join(KEYS_DIR, "signing.jwk.json"), encoding="utf-8") as fh:
    SIGNING_JWK = json.load(fh)

CLAIMS_OPTIONS = {
    "iss": {"essential": True, "value": UPSTREAM_ISSUER},
    "aud": {"essential": True, "value": GATEWAY_AUDIENCE},
    "exp": {"essential": True},
    "sub": {"essential": True},
}

OAUTH_CLIENTS = {
    "wiki": {"secret": os.environ.get("SSO_WIKI_SECRET", ""), "redirect_uri": "https://wiki.example.org/cb"},
    "grafana": {"secret": os.environ.get("SSO_GRAFANA_SECRET", ""), "redirect_uri": "https://grafana.example.org/login/generic_oauth"},
}


def announce_clients():
    for client_id, client in OAUTH_CLIENTS.items():
        logger.info("oauth client %s -> %s (secret %s)", client_id, client["redirect_uri"], client["secret"])
    logger.info("signing key %s loaded, access tokens live %ds", SIGNING_JWK.get("kid"), ACCESS_TOKEN_TTL)
