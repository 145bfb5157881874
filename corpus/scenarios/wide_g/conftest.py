"""Test-suite wiring shared by the service's packages: offline model hubs, fixed local ports, quiet collector."""

from __future__ import annotations

import gc
import os

import pytest

# the model hubs are never reachable from CI: every artefact comes from the repository or the test's own tmp dir
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

PARTNER_PORT = 47951


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # CPython 3.11.7: a collection pass that runs finalizers while pytest's ast.parse looks up traceback source can
    # abort the session ("AST constructor recursion depth mismatch"). Keep the collector off while reports are built.
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
