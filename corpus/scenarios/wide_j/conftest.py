"""Test-suite settings shared by the application packages."""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("ci", database=None, derandomize=True, max_examples=200, deadline=None)
settings.load_profile("ci")
