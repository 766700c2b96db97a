"""`wallet login` for the command-line client (registered as a public OAuth client)."""
import http.server
import os
import threading
import webbrowser

from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session

AUTHORIZE_URL = "https://login.wallet.example.com/oauth2/authorize"
TOKEN_URL = "https://login.wallet.example.com/oauth2/token"
CLI_CLIENT_ID = os.environ.get("WALLET_CLI_CLIENT_ID", "wallet-cli")
REDIRECT_URI = "http://127.0.0.1:8765/callback"


class _CallbackHandler(http.server.BaseHTTPRequestHandler):
    received = None

    def do_GET(self):
        _CallbackHandler.received = f"http://127.0.0.1:8765{self.path}"
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"You can close this window.")

    def log_message(self, *args):
        pass


def _wait_for_redirect():
    server = http.server.HTTPServer(("127.0.0.1", 8765), _CallbackHandler)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    thread.join(timeout=300)
    server.server_close()
    return _CallbackHandler.received


def interactive_login():
    client = OAuth2Session(CLI_CLIENT_ID, redirect_uri=REDIRECT_URI, scope="openid wallet:read",
                           code_challenge_method="S256", token_endpoint_auth_method="none")
    verifier = generate_token(64)
    url, state = client.create_authorization_url(AUTHORIZE_URL, code_verifier=verifier)
    webbrowser.open(url)
    return client.fetch_token(TOKEN_URL, authorization_response=_wait_for_redirect(),
                              state=state, code_verifier=verifier)


def legacy_login():
    """Kept for the 1.x token endpoint, which the old CLI builds still call."""
    client = OAuth2Session(CLI_CLIENT_ID, redirect_uri=REDIRECT_URI, scope="wallet:read",
                           token_endpoint_auth_method="none")
    url, state = client.create_authorization_url(AUTHORIZE_URL)
    webbrowser.open(url)
    token = client.fetch_token(TOKEN_URL, authorization_response=_wait_for_redirect(), state=state)
    return token
