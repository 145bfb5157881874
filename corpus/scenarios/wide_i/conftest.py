"""Test-suite wiring shared by the marketplace packages."""

from __future__ import annotations

import gc

import pytest


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # keep finalizers of unclosed transports from running while pytest looks up traceback source
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
