"""The bundled model on the canonical error messages of real libraries, as they appear in bug reports.

`tests/data/library_messages.json` holds 28 one-line failures written the way the libraries print them
(SQLAlchemy's QueuePool timeout, asyncio's closed and foreign loops, websockets' keepalive close, RESPX and
responses' unmatched requests, slowapi's RateLimitExceeded, httpx/requests 429s, torch's state_dict size mismatch,
unpickling a moved sklearn module, sqlite's "database is locked", PostgreSQL's "too many clients", deadlocks...),
with the category a developer would give each, and unrelated failures (TypeError, ImportError, a Redis server that
is down). They are not corpus rows, but 17 of the 28 messages also appear, from the library's own source, in the
library-message bank the models train on (``corpus/messages``: the QueuePool timeout, "Event loop is closed", RESPX's
"not mocked", the 429s...; session 12 added pickle's "invalid load key" and PostgreSQL's "too many clients" and
"deadlock detected"); the other 11 have no counterpart there. A retrain that loses these has lost the obvious cases.
"""

import json
from pathlib import Path

import pytest

from clusterer.ingest import read_results
from clusterer.model import Model
from clusterer.pipeline import classify_runs

DATA = Path(__file__).parent / "data" / "library_messages.json"


@pytest.fixture(scope="module")
def answers():
    cases = {c["test"]: c["category"] for c in json.loads(DATA.read_text())}
    result = classify_runs([read_results(DATA)], Model.load("tiny"))
    return [(cases[f.test], None if f.is_new else f.category, f.test) for f in result.failures]


def test_obvious_library_failures_get_their_category(answers):
    known = [(truth, got, test) for truth, got, test in answers if truth != "other"]
    right = [test for truth, got, test in known if got == truth]
    assert len(known) == 23
    assert len(right) >= 21, [(t, g, test) for t, g, test in known if g != t]


def test_no_wrong_known_category_and_unrelated_failures_are_new(answers):
    assert [(t, g, test) for t, g, test in answers if g is not None and g != t] == []
    assert all(got is None for truth, got, _ in answers if truth == "other")
