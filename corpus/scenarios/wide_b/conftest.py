"""Test-suite wiring shared by the service's packages: Django settings for the community app, fake partner servers."""

from __future__ import annotations

import django
from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="test-secret",
        ALLOWED_HOSTS=["testserver", "localhost"],
        ROOT_URLCONF="wide_b.community.urls",
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
        MIDDLEWARE=["django_ratelimit.middleware.RatelimitMiddleware"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "community"}},
        RATELIMIT_VIEW="wide_b.community.views.too_many_requests",
        USE_TZ=True,
    )
    django.setup()
