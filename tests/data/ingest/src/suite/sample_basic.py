# ruff: noqa  -- deliberately failing code that generates fixtures
"""A tiny suite with every outcome clusterer must read (passed, failed, errors in setup/teardown, ...)."""

import sys

import pytest

_attempts = {"flaky": 0}


@pytest.fixture
def broken_setup():
    raise ConnectionError("could not connect to db:5432 (pool exhausted)")


@pytest.fixture
def broken_teardown():
    yield "resource"
    raise RuntimeError("teardown: cache not invalidated")


def _load_model(path):
    try:
        open(path)
    except FileNotFoundError as exc:
        raise RuntimeError(f"model weights missing: {path}") from exc


def test_passes():
    assert 1 + 1 == 2


def test_assert_fails():
    expected = {"status": "ok", "latency_ms": 40}
    assert {"status": "ok", "latency_ms": 250} == expected


def test_chained_exception():
    _load_model("/nonexistent/model.bin")


def test_implicit_chain():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("lookup failed while handling KeyError")


def test_setup_error(broken_setup):
    pass


def test_teardown_error(broken_teardown):
    assert broken_teardown == "resource"


def test_call_and_teardown_fail(broken_teardown):
    assert broken_teardown == "other"


def test_output_captured():
    print("hello from stdout")
    print("oops on stderr", file=sys.stderr)
    assert False, "captured output should travel with the failure"


@pytest.mark.skip(reason="not on this platform")
def test_skipped():
    pass


@pytest.mark.xfail(reason="known bug #12")
def test_xfail():
    raise TimeoutError("websocket ping timed out")


@pytest.mark.xfail(reason="fixed already?")
def test_xpass():
    pass


@pytest.mark.xfail(reason="strict", strict=True)
def test_xpass_strict():
    pass


class TestGroup:
    def test_method_passes(self):
        assert True

    def test_method_fails(self):
        raise AssertionError("rate limit shared between tests: 429 Too Many Requests")

    @pytest.mark.parametrize("n", [1, 2])
    def test_param(self, n):
        assert n == 1


@pytest.mark.flaky(reruns=2)
def test_flaky_passes_on_rerun():
    _attempts["flaky"] += 1
    assert _attempts["flaky"] >= 2, "first attempt fails"


@pytest.mark.flaky(reruns=2)
def test_always_fails_with_reruns():
    raise OSError("external API mock returned 503")
