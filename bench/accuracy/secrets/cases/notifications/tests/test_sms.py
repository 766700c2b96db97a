from notifications import sms

TEST_AUTH_TOKEN = "your_auth_token_here"
PASSWORD_LABEL = "Password"


def test_client_requires_token(monkeypatch):
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TEST_AUTH_TOKEN)
    assert sms.default_client() is not None
