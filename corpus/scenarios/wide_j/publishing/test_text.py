from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .text import (
    article_slug,
    ascii_fold,
    contains_banned_word,
    excerpt,
    first_quote,
    parse_keywords,
    receipt,
    strip_tags,
    unique_authors,
)


@pytest.mark.failure(
    category="other", library="slugify", dist="python-slugify", shape="assert", cause="truncation-cuts-mid-word"
)
def test_article_slug_stops_at_a_whole_word():
    assert article_slug("Understanding Timezones in Distributed Billing Systems") == "understanding-timezones-in"


@pytest.mark.failure(
    category="other", library="slugify", dist="python-slugify", shape="assert", cause="truncation-cuts-mid-word"
)
@given(
    st.lists(
        st.sampled_from(["decimal", "arithmetic", "surprising", "facts", "about", "ten", "rounding"]),
        min_size=1,
        max_size=8,
    )
)
def test_slug_is_made_of_whole_words(words):
    slug = article_slug(" ".join(words))
    assert set(slug.split("-")) <= set(words)


@pytest.mark.failure(category="other", library="str", dist=None, shape="assert", cause="truncation-cuts-mid-word")
def test_excerpt_cuts_at_word_boundary():
    text = "Property-based testing finds the edge cases you forgot to write down."
    assert excerpt(text, 40) == "Property-based testing finds the edge…"


@pytest.mark.failure(category="other", library="re", dist=None, shape="assert", cause="regex-greedy-match")
def test_strip_tags_keeps_text_between_tags():
    assert strip_tags("<p>Hello <b>world</b>, welcome back.</p>") == "Hello world, welcome back."


@pytest.mark.failure(category="other", library="re", dist=None, shape="assert", cause="regex-greedy-match")
def test_first_quote_returns_only_the_first_quoted_phrase():
    text = 'She said "ship it" and he replied "not on a Friday".'
    assert first_quote(text) == "ship it"


@pytest.mark.failure(category="other", library="str", dist=None, shape="assert", cause="whitespace-strip-missing")
def test_keywords_are_trimmed():
    assert parse_keywords("python, testing , CI ") == ["python", "testing", "ci"]


@pytest.mark.failure(
    category="other", library="unicodedata", dist=None, shape="assert", cause="unicode-normalisation-nfc-nfd"
)
def test_author_names_deduplicated_across_normal_forms():
    composed = unicodedata.normalize("NFC", "Zoë Lefèvre")
    decomposed = unicodedata.normalize("NFD", "Zoë Lefèvre")
    assert unique_authors([composed, "Ada Byron", decomposed]) == [composed, "Ada Byron"]


@pytest.mark.failure(
    category="other", library="unicodedata", dist=None, shape="assert", cause="unicode-normalisation-nfc-nfd"
)
def test_ascii_fold_keeps_base_letters():
    assert ascii_fold("Crème brûlée à la carte") == "Creme brulee a la carte"


@pytest.mark.failure(category="other", library="str", dist=None, shape="assert", cause="case-sensitive-comparison")
def test_banned_words_are_caught_in_capitals():
    assert contains_banned_word("Buy CHEAP watches today") is True


@pytest.mark.failure(
    category="other", library="string-format", dist=None, shape="assert", cause="format-spec-alignment-wrong"
)
def test_receipt_columns_are_aligned():
    expected = "Coffee         2     7.00\nCroissant      3     6.30\nWater          1     1.50"
    assert receipt([("Coffee", 2, 7.0), ("Croissant", 3, 6.3), ("Water", 1, 1.5)]) == expected


@pytest.mark.failure(
    category="other", library="string-format", dist=None, shape="assert", cause="format-spec-alignment-wrong"
)
def test_receipt_item_name_starts_in_first_column():
    line = receipt([("Tea", 1, 2.2)])
    assert line.startswith("Tea"), repr(line)
