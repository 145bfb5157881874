"""Nightly audit of the organisation's repositories through the GitHub REST API."""

from __future__ import annotations

from github import Github


def open_github(base_url: str) -> Github:
    return Github(base_url=base_url, retry=None, seconds_between_requests=None, seconds_between_writes=None, timeout=2)


def default_branch(gh: Github, full_name: str) -> str:
    return gh.get_repo(full_name).default_branch


def repos_missing_description(gh: Github, names: list[str]) -> list[str]:
    return [n for n in names if not gh.get_repo(n).description]


def api_budget_left(gh: Github) -> int:
    remaining, _limit = gh.rate_limiting
    return remaining
