import json

import pytest

from billing.invoices import webhooks

FAKE_KEY = "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX"
EVENT_ID = "evt_cAWGqmtooAVrGlwa745Riwit"
REQUEST_ID = "c7b88099-0709-4300-97f4-c10dccdfb1e2"


@pytest.fixture
def signed_headers():
    return {
        "Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfMU10b2JZMHN1em0xIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmFjbWUuZXhhbXBsZSIsImF1ZCI6ImFjbWUtYXBpIiwiaWF0IjoxNzE5NDI3NzczLCJleHAiOjE3MTk0Mjg2NzMsInNjb3BlIjoib3JkZXJzOnJlYWQifQ.bXg18Vf5HPrhQFKZyaxlQ7iZHKFYVIwwQ4G5nBxBiKI",
        "Stripe-Signature": "t=1712000000,v1=2e5417806003ff8dc19ae8a019b568260afaea6d42babf7657cdd453cdcfe4cb",
    }


def test_webhook_rejects_bad_signature(client, signed_headers):
    webhooks.configure(signing_secret="whsec_CBbtjKJ2U9Z6Y9glIVK80mxjnY4Z02Bl")
    resp = client.post("/webhooks/stripe", data=json.dumps({"id": EVENT_ID}), headers=signed_headers)
    assert resp.status_code == 400


def test_auth_scheme():
    token_type = "Bearer"
    assert webhooks.auth_scheme() == token_type
