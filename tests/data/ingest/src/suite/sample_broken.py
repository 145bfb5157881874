# ruff: noqa  -- deliberately failing code that generates fixtures
"""A module that cannot be imported: a collection error."""

import clusterer_module_that_does_not_exist  # noqa: F401


def test_never_runs():
    pass
