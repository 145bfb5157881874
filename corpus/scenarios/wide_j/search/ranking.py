"""Search over the help-centre articles: matching, ranking, highlighting and result pages."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    body: str
    score: float = 0.0
    chapter: str = "1"


def matches(article: Article, query: str) -> bool:
    return all(word in article.title or word in article.body for word in query.split())


def search(articles: list[Article], query: str) -> list[str]:
    return [a.slug for a in articles if matches(a, query)]


def rank(articles: list[Article]) -> list[str]:
    """Best score first; equal scores in alphabetical order of title."""
    return [a.slug for a in sorted(articles, key=lambda a: -a.score)]


def by_chapter(articles: list[Article]) -> list[str]:
    """Manual order: chapter 1, 2, ... 10, 11."""
    return [a.chapter for a in sorted(articles, key=lambda a: a.chapter)]


def highlight(text: str, term: str) -> str:
    return re.sub(f"({term})", r"<mark>\1</mark>", text, flags=re.IGNORECASE)


def page_count(total: int, per_page: int) -> int:
    return total // per_page


def has_next_page(page: int, total: int, per_page: int) -> bool:
    return page < page_count(total, per_page)


def page_items(items: list[str], page: int, per_page: int) -> list[str]:
    """Items of a 1-based page."""
    start = page * per_page
    return items[start : start + per_page]
