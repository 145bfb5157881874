"""Posts deploy and incident notices to Slack and reads the incident channel (slack_sdk WebClient)."""

from __future__ import annotations

from slack_sdk import WebClient

TOKEN = "xoxb-0000-test"


class Notifier:
    def __init__(self, client: WebClient | None = None) -> None:
        self.slack = client or WebClient(token=TOKEN, timeout=3)

    def announce(self, channel: str, text: str) -> str:
        resp = self.slack.chat_postMessage(channel=channel, text=text)
        return resp["ts"]

    def my_channels(self) -> list[str]:
        resp = self.slack.users_conversations(types="public_channel,private_channel")
        return sorted(c["name"] for c in resp["channels"])

    def incident_messages(self, channel: str) -> list[str]:
        texts: list[str] = []
        cursor = None
        while True:
            resp = self.slack.conversations_history(channel=channel, cursor=cursor, limit=200)
            texts += [m["text"] for m in resp["messages"]]
            cursor = resp.get("response_metadata", {}).get("next_cursor")
            if not cursor:
                return texts

    def attach_postmortem(self, channel: str, content: str) -> str:
        resp = self.slack.files_upload_v2(channel=channel, content=content, filename="postmortem.md")
        return resp["file"]["id"]

    def oncall_email(self, user_id: str) -> str:
        return self.slack.users_info(user=user_id)["user"]["profile"]["email"]

    def member_count(self, channel: str) -> int:
        return self.slack.conversations_info(channel=channel, include_num_members=True)["channel"]["num_members"]
