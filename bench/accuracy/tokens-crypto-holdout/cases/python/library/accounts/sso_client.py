"""Service-account client for the county SSO (used by the overdue-notice job)."""
import logging
import time

import requests
from django.conf import settings
from jose import jwt as jose_jwt

log = logging.getLogger("accounts.sso_client")


class ServiceTokenClient:
    def __init__(self, client_id, client_secret):
        self.client_id = client_id
        self.client_secret = client_secret
        self._token = None
        self._refresh_at = 0

    def _fetch(self):
        resp = requests.post(
            settings.COUNTY_SSO_ISSUER + "/protocol/openid-connect/token",
            data={"grant_type": "client_credentials", "client_id": self.client_id, "client_secret": self.client_secret},
            timeout=10,
        )
        if resp.status_code != 200:
            raise RuntimeError(f"token request failed for client {self.client_id}: {resp.status_code}")
        body = resp.json()
        self._token = body["access_token"]
        # Our own token, fetched over TLS from the IdP: only read exp to plan the refresh.
        expires_at = jose_jwt.get_unverified_claims(self._token)["exp"]
        self._refresh_at = expires_at - 60
        log.info("service token refreshed, token_type=%s expires_in=%s", body.get("token_type"), body.get("expires_in"))

    def token(self):
        if self._token is None or time.time() >= self._refresh_at:
            self._fetch()
        return self._token

    def debug_dump(self):
        log.debug("sso client %s using secret %s", self.client_id, self.client_secret)
