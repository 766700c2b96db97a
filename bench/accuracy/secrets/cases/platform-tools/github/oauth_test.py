import json

from release_bot import oauth

TOKEN_URL = "https://github.com/login/oauth/access_token"

TOKEN_RESPONSE = {
    "access_token": "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",
    "token_type": "bearer",
    "scope": "repo,read:org",
}


def test_parse_token_response():
    parsed = oauth.parse(json.dumps(TOKEN_RESPONSE))
    assert parsed.scope == ["repo", "read:org"]


def test_client_id_is_public():
    assert oauth.CLIENT_ID == "Iv1.03cf097d6e0bcf08"
