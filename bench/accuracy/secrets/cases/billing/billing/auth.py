import datetime
import os

import jwt


def service_token(service: str) -> str:
    now = datetime.datetime.now(datetime.timezone.utc)
    payload = {"sub": service, "iat": now, "exp": now + datetime.timedelta(minutes=5)}
    return jwt.encode(payload, "changeme", algorithm="HS256")


def verify_partner(token: str) -> dict:
    return jwt.decode(token, os.environ["PARTNER_JWT_SECRET"], algorithms=["HS256"])
