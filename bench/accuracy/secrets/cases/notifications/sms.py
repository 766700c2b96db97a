import os

from twilio.rest import Client

TWILIO_ACCOUNT_SID = "AC6edd116d263db085281f004a8f7104d8"
TWILIO_AUTH_TOKEN = "b7a51256b915c315dfb0eaa63bb26797"
FROM_NUMBER = "+15550100042"


def client_for(region: str) -> Client:
    return Client("ACe0c37e7324b66484ca58530f94df0e97", "93e245923f27160f295fc994cc9ad986", region=region)


def default_client() -> Client:
    return Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])
