import tomllib
from datetime import time

import pytest

from .depot_config import summary_table, write_config


def test_config_roundtrip(tmp_path):
    cfg = {"depot": {"name": "Leeds", "gates": [1, 2, 3], "opens": time(6, 30)}}
    write_config(tmp_path / "leeds.toml", cfg)
    assert tomllib.loads((tmp_path / "leeds.toml").read_text()) == cfg


def test_summary_lists_depots():
    assert "Leeds" in summary_table([("Leeds", 410, 3)])


@pytest.mark.failure(category="other", library="tomli-w", dist="tomli_w", shape="raised", cause="config-value-not-serialisable")
def test_config_with_spool_directory(tmp_path):
    write_config(tmp_path / "york.toml", {"depot": {"name": "York", "spool_dir": tmp_path / "spool"}})


@pytest.mark.failure(category="other", library="tomli-w", dist="tomli_w", shape="raised", cause="config-value-not-serialisable")
def test_config_with_disabled_gate(tmp_path):
    write_config(tmp_path / "hull.toml", {"depot": {"name": "Hull", "gates": [1, None, 3]}})


@pytest.mark.failure(category="other", library="rich", dist="rich", shape="assert", cause="console-render-width")
def test_summary_keeps_long_depot_names_on_one_line():
    out = summary_table([("Manchester Trafford Park Cross-Dock", 1203, 14)], width=40)
    assert "Manchester Trafford Park Cross-Dock" in out


@pytest.mark.failure(category="other", library="rich", dist="rich", shape="assert", cause="golden-output-mismatch")
def test_summary_matches_golden_text():
    expected = "Depot summary\n| Depot | Delivered | Failed |\n| Leeds |       410 |      3 |\n"
    assert summary_table([("Leeds", 410, 3)]) == expected
