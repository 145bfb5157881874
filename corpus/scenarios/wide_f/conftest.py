"""Test-suite wiring shared by the storefront's packages: where Redis listens, fixed local ports."""

from __future__ import annotations

import gc
import os

import pytest

REDIS_HOST = os.environ.get("WIDEF_REDIS_HOST", "127.0.0.1")
REDIS_PORT = int(os.environ.get("WIDEF_REDIS_PORT", "47940"))


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # CPython 3.11.7: a garbage-collection pass that runs finalizers (unclosed transports, async generators) while
    # pytest's ast.parse looks up traceback source can abort the session. Keep the collector off while reporting.
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
