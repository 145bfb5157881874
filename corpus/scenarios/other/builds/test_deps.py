from __future__ import annotations

import pytest

from .deps import build_order, find_cycle, impact_path

PACKAGES = {
    "core": [],
    "db": ["core"],
    "api": ["core", "db"],
    "web": ["api"],
    "cli": ["core"],
}


@pytest.mark.failure(category="other", library="networkx", shape="raised", cause="dependency-graph-error")
def test_build_order_after_adding_plugin_hooks():
    deps = dict(PACKAGES, core=["plugins"], plugins=["api"])
    order = build_order(deps)
    assert order.index("core") < order.index("api")


@pytest.mark.failure(category="other", library="networkx", shape="raised", cause="dependency-graph-error")
def test_cli_change_impacts_web():
    assert impact_path(PACKAGES, "cli", "web") == ["cli", "web"]


@pytest.mark.failure(category="other", library="networkx", shape="raised", cause="dependency-graph-error")
def test_renamed_package_impact():
    assert impact_path(PACKAGES, "database", "web")[-1] == "web"


@pytest.mark.failure(category="other", library="networkx", shape="raised", cause="dependency-graph-error")
def test_no_cycles_in_monorepo():
    assert find_cycle(PACKAGES) == []


@pytest.mark.failure(category="other", library="networkx", shape="assert", cause="dependency-graph-error")
def test_build_order_is_alphabetical_within_level():
    assert build_order(PACKAGES) == ["core", "cli", "db", "api", "web"]
