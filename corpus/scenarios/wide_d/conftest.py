"""Test-suite wiring shared by the service's packages: Django settings for the partner API, fixed local ports."""

from __future__ import annotations

import django
from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="test-secret",
        ALLOWED_HOSTS=["testserver", "localhost"],
        ROOT_URLCONF="wide_d.partner_api.urls",
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "rest_framework",
        ],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "partner-api"}},
        REST_FRAMEWORK={
            "DEFAULT_AUTHENTICATION_CLASSES": [],
            "DEFAULT_PERMISSION_CLASSES": [],
            "UNAUTHENTICATED_USER": None,
            "DEFAULT_THROTTLE_RATES": {"anon": "4/hour", "quotes": "3/hour", "exports": "2/day"},
        },
        USE_TZ=True,
    )
    django.setup()


import gc  # noqa: E402

import pytest  # noqa: E402


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # CPython 3.11.7: a garbage-collection pass that runs finalizers (unclosed transports, async generators) while
    # pytest's ast.parse looks up traceback source raises "AST constructor recursion depth mismatch" and aborts the
    # whole session. Keep the collector off while the report is built.
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
