"""Text helpers of the publishing tool: slugs, excerpts, tags, author names and receipts."""

from __future__ import annotations

import re
import unicodedata

from slugify import slugify

BANNED_WORDS = {"cheap", "winner", "casino"}
_TAG = re.compile(r"<.*>")
_QUOTED = re.compile(r'"(.*)"')


def article_slug(title: str) -> str:
    """URL slug of at most 32 characters, never cutting a word in half."""
    return slugify(title, max_length=32)


def excerpt(text: str, width: int = 40) -> str:
    """At most `width` characters, cut at a word boundary, with an ellipsis when shortened."""
    if len(text) <= width:
        return text
    return text[: width - 1] + "…"


def strip_tags(html: str) -> str:
    return _TAG.sub("", html)


def first_quote(text: str) -> str | None:
    match = _QUOTED.search(text)
    return match.group(1) if match else None


def parse_keywords(raw: str) -> list[str]:
    """'python, testing , CI' -> ['python', 'testing', 'ci']"""
    return [part.lower() for part in raw.split(",") if part]


def clean_title(raw: str) -> str:
    return raw.title()


def same_author(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def unique_authors(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if not any(same_author(name, other) for other in seen):
            seen.append(name)
    return seen


def ascii_fold(text: str) -> str:
    """'Crème brûlée' -> 'Creme brulee' (for file names and search)."""
    return unicodedata.normalize("NFC", text).encode("ascii", "ignore").decode("ascii")


def contains_banned_word(text: str) -> bool:
    return any(word in BANNED_WORDS for word in re.findall(r"\w+", text))


def receipt(lines: list[tuple[str, int, float]]) -> str:
    """Fixed-width receipt: item name left-aligned in 12, quantity right-aligned in 4, price right-aligned in 9."""
    return "\n".join(f"{name:>12}{qty:<4}{price:>9.2f}" for name, qty, price in lines)
