import os

from slack_sdk import WebClient
from slack_sdk.socket_mode import SocketModeClient

DEPLOY_WEBHOOK = "https://hooks.slack.com/services/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"
EXAMPLE_WEBHOOK = "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"
SLACK_BOT_TOKEN = os.environ["SLACK_BOT_TOKEN"]
ALERTS_CHANNEL = "C0Z8BGZFX8"


def user_client() -> WebClient:
    return WebClient(token="xoxp-085291276392-426049982255-3606213378314-62530a9b8ed5e1c651d7b05cf750f577")


def socket_mode() -> SocketModeClient:
    return SocketModeClient(app_token="xapp-1-AXNPHSGPTPP-2132907709258-48f404007e05e9c6ad12effab147a631f426488f2439a0ff8476e8bb8fe98565")
