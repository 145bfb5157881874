from __future__ import annotations

import pytest

from .ranking import Article, by_chapter, highlight, page_count, page_items, rank, search

ARTICLES = [
    Article("reset-password", "Reset your password", "Use the link on the sign-in page.", 0.9, "2"),
    Article("export-csv", "Export data to CSV", "Python and spreadsheet users can export reports.", 0.7, "10"),
    Article("api-tokens", "API tokens", "Create tokens for scripts written in Python.", 0.7, "9"),
    Article("billing-faq", "Billing FAQ", "Invoices are emailed monthly.", 0.4, "11"),
]
RESULTS = [f"result-{n}" for n in range(1, 24)]


@pytest.mark.failure(category="other", library="str", dist=None, shape="assert", cause="case-sensitive-comparison")
def test_search_ignores_case():
    assert search(ARTICLES, "python") == ["export-csv", "api-tokens"]


@pytest.mark.failure(category="other", library="sorted", dist=None, shape="assert", cause="missing-tie-breaker")
def test_equal_scores_ranked_alphabetically_by_title():
    assert rank(ARTICLES) == ["reset-password", "api-tokens", "export-csv", "billing-faq"]


@pytest.mark.failure(category="other", library="sorted", dist=None, shape="assert", cause="missing-tie-breaker")
def test_rank_is_independent_of_input_order():
    assert rank(ARTICLES) == rank(list(reversed(ARTICLES)))


@pytest.mark.failure(category="other", library="sorted", dist=None, shape="assert", cause="string-vs-int-sort")
def test_manual_chapters_in_numeric_order():
    assert by_chapter(ARTICLES) == ["2", "9", "10", "11"]


@pytest.mark.failure(category="other", library="sorted", dist=None, shape="assert", cause="string-vs-int-sort")
def test_chapter_ten_comes_after_chapter_nine():
    order = by_chapter([Article("a", "A", "", chapter="10"), Article("b", "B", "", chapter="9")])
    assert order.index("9") < order.index("10")


@pytest.mark.failure(
    category="other", library="re", dist=None, shape="assert", cause="regex-metacharacters-not-escaped"
)
def test_highlight_search_for_cpp():
    assert highlight("Bindings for C++ and Rust", "c++") == "Bindings for <mark>C++</mark> and Rust"


@pytest.mark.failure(
    category="other", library="re", dist=None, shape="raised", cause="regex-metacharacters-not-escaped"
)
def test_highlight_term_with_parenthesis():
    assert "<mark>" in highlight("Pricing (beta) is available", "(beta")


@pytest.mark.parametrize(
    ("total", "per_page", "pages"),
    [
        (20, 10, 2),
        pytest.param(
            23,
            10,
            3,
            marks=pytest.mark.failure(
                category="other", library="arithmetic", dist=None, shape="assert", cause="pagination-last-page"
            ),
        ),
        pytest.param(
            1,
            25,
            1,
            marks=pytest.mark.failure(
                category="other", library="arithmetic", dist=None, shape="assert", cause="pagination-last-page"
            ),
        ),
        (0, 25, 0),
    ],
)
def test_page_count(total, per_page, pages):
    assert page_count(total, per_page) == pages


@pytest.mark.failure(category="other", library="slicing", dist=None, shape="assert", cause="off-by-one-range-end")
def test_first_page_starts_with_first_result():
    assert page_items(RESULTS, 1, 10)[0] == "result-1"
