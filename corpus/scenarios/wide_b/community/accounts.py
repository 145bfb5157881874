"""Forum accounts: usernames, passwords and profile text."""

from __future__ import annotations

import unicodedata

import bcrypt
from markdown_it import MarkdownIt

USERS: dict[str, bytes] = {}
md = MarkdownIt("commonmark")


def canonical_username(name: str) -> str:
    return name.strip().lower()


def register(name: str, password: str) -> str:
    key = canonical_username(name)
    if key in USERS:
        raise ValueError(f"username {key!r} is taken")
    USERS[key] = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4))
    return key


def login(name: str, password: str) -> bool:
    return bcrypt.checkpw(password.encode(), USERS[canonical_username(name)])


def slug(title: str) -> str:
    ascii_only = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return "-".join(ascii_only.lower().split())


def render_bio(text: str) -> str:
    return md.render(text)
