from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from .loader import (
    Settings,
    load_cached_manifest,
    load_feature_flags,
    load_logging_ini,
    load_settings,
    load_yaml_settings,
    read_json_settings,
)


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture
def production_settings(tmp_path: Path) -> Settings:
    # hand-edited on the server: a trailing comma slipped in
    path = write(
        tmp_path,
        "production.json",
        """
        {
            "database_url": "postgresql://app@db/app",
            "workers": 8,
        }
        """,
    )
    return Settings(**read_json_settings(path))


@pytest.mark.failure(category="other", library="json", dist=None, shape="raised", cause="malformed-config-file")
def test_read_settings_with_trailing_comma(tmp_path):
    path = write(tmp_path, "settings.json", '{"database_url": "sqlite:///app.db", "debug": true,}\n')
    settings = read_json_settings(path)
    assert settings["debug"] is True


@pytest.mark.failure(category="other", library="json", dist=None, shape="chained", cause="malformed-config-file")
def test_load_settings_wraps_parse_error(tmp_path):
    path = write(tmp_path, "settings.json", "{'database_url': 'sqlite:///app.db'}\n")
    settings = load_settings(path)
    assert settings.database_url.startswith("sqlite")


@pytest.mark.failure(category="other", library="json", dist=None, shape="setup", cause="malformed-config-file")
def test_production_worker_count(production_settings):
    assert production_settings.workers == 8


@pytest.mark.failure(category="other", library="tomllib", dist=None, shape="raised", cause="malformed-config-file")
def test_feature_flags_from_toml(tmp_path):
    path = write(
        tmp_path,
        "flags.toml",
        """
        [flags]
        new_checkout = true
        beta_banner = yes
        """,
    )
    flags = load_feature_flags(path)
    assert flags["new_checkout"]


@pytest.mark.failure(category="other", library="configparser", dist=None, shape="raised", cause="malformed-config-file")
def test_logging_ini_levels(tmp_path):
    path = write(
        tmp_path,
        "logging.ini",
        """
        level = INFO
        [logging]
        handler = console
        """,
    )
    assert load_logging_ini(path)["handler"] == "console"


@pytest.mark.failure(category="other", library="orjson", shape="raised", cause="malformed-config-file")
def test_cached_manifest_roundtrip(tmp_path):
    path = tmp_path / "manifest.json"
    # the deploy job was killed mid-write and left a truncated file behind
    path.write_bytes(b'{"version": 3, "assets": {"app.js": "app.4f2a.js", "app.css": "app.9')
    manifest = load_cached_manifest(path)
    assert manifest["version"] == 3


@pytest.mark.failure(category="other", library="pyyaml", dist="PyYAML", shape="raised", cause="yaml-syntax-error")
def test_yaml_settings_with_tab_indent(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("database:\n\turl: postgresql://app@db/app\n\tpool: 5\n", encoding="utf-8")
    assert load_yaml_settings(path)["database"]["pool"] == 5


@pytest.mark.failure(category="other", library="pyyaml", dist="PyYAML", shape="raised", cause="yaml-syntax-error")
def test_yaml_settings_bad_nesting(tmp_path):
    path = write(
        tmp_path,
        "settings.yaml",
        """
        server:
          host: 0.0.0.0
            port: 8080
        """,
    )
    assert load_yaml_settings(path)["server"]["port"] == 8080


@pytest.mark.failure(category="other", library="pyyaml", dist="PyYAML", shape="raised", cause="yaml-syntax-error")
def test_yaml_unclosed_flow_sequence(tmp_path):
    path = write(
        tmp_path,
        "routes.yaml",
        """
        allowed_hosts: [api.example.com, admin.example.com
        timeout: 30
        """,
    )
    assert "api.example.com" in load_yaml_settings(path)["allowed_hosts"]


@pytest.mark.failure(category="other", library="pyyaml", dist="PyYAML", shape="raised", cause="yaml-syntax-error")
def test_yaml_python_tag_rejected_by_safe_load(tmp_path):
    path = write(
        tmp_path,
        "jobs.yaml",
        """
        schedule: !!python/object/apply:datetime.timedelta [0, 3600]
        """,
    )
    assert load_yaml_settings(path)["schedule"].seconds == 3600


@pytest.fixture
def pipeline_config(tmp_path):
    path = write(
        tmp_path,
        "pipeline.yaml",
        """
        steps:
          - name: extract
            command: "python extract.py --since "2024-01-01""
        """,
    )
    return load_yaml_settings(path)


@pytest.mark.failure(category="other", library="pyyaml", dist="PyYAML", shape="setup", cause="yaml-syntax-error")
def test_pipeline_has_extract_step(pipeline_config):
    assert pipeline_config["steps"][0]["name"] == "extract"
