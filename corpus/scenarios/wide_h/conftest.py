"""Test-suite wiring shared by the platform's packages: where the local servers are, Django settings, fixed ports."""

from __future__ import annotations

import gc
import os

import django
import pytest
from django.conf import settings

PG_HOST = "127.0.0.1"
PG_PORT = int(os.environ.get("WIDEH_PG_PORT", "48050"))
MYSQL_HOST = "127.0.0.1"
MYSQL_PORT = int(os.environ.get("WIDEH_MYSQL_PORT", "48051"))
REDIS_URL = os.environ.get("WIDEH_REDIS_URL", "redis://127.0.0.1:48052/0")

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="test-secret",
        ALLOWED_HOSTS=["testserver", "localhost"],
        ROOT_URLCONF="wide_h.accounts.urls",
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "rest_framework",
            "wide_h.shipping",
        ],
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "depot",
                "USER": "depot",
                "PASSWORD": "depot",
                "HOST": PG_HOST,
                "PORT": PG_PORT,
                "CONN_MAX_AGE": 0,
            }
        },
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "accounts"}},
        REST_FRAMEWORK={
            "DEFAULT_AUTHENTICATION_CLASSES": [],
            "DEFAULT_PERMISSION_CLASSES": [],
            "UNAUTHENTICATED_USER": None,
            "DEFAULT_THROTTLE_RATES": {"anon": "5/minute", "signup": "2/hour", "password_reset": "3/hour"},
        },
        FEATURE_FLAGS={"new_checkout": False},
        USE_TZ=True,
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # CPython 3.11.7: a garbage-collection pass that runs finalizers while pytest's ast.parse looks up traceback
    # source can abort the session. Keep the collector off while the report is built.
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
