"""Small cached JWKS fetcher."""
import time

import requests

_CACHE = {}
TTL = 600


def fetch_jwks(url):
    entry = _CACHE.get(url)
    if entry and entry[0] > time.time():
        return entry[1]
    resp = requests.get(url, timeout=5)
    resp.raise_for_status()
    _CACHE[url] = (time.time() + TTL, resp.json())
    return _CACHE[url][1]
