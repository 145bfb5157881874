"""Checks which of the models we serve have new revisions on the Hub (huggingface_hub client)."""

from __future__ import annotations

from huggingface_hub import HfApi

ENDPOINT = "http://127.0.0.1:47812"


def api() -> HfApi:
    return HfApi(endpoint=ENDPOINT, token="hf_test_token")


def latest_sha(repo_id: str) -> str:
    return api().model_info(repo_id).sha


def stale_models(served: dict[str, str]) -> list[str]:
    return [repo for repo, sha in served.items() if latest_sha(repo) != sha]


def model_tags(repo_id: str) -> list[str]:
    return sorted(api().model_info(repo_id).tags or [])
