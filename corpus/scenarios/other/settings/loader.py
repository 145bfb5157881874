"""Application settings: JSON/TOML/INI/YAML files plus environment overrides."""

from __future__ import annotations

import configparser
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import yaml


class SettingsError(RuntimeError):
    pass


@dataclass
class Settings:
    database_url: str
    debug: bool = False
    workers: int = 2
    feature_flags: dict[str, bool] = field(default_factory=dict)


def read_json_settings(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def load_settings(path: Path) -> Settings:
    try:
        raw = read_json_settings(path)
    except json.JSONDecodeError as exc:
        raise SettingsError(f"could not parse settings file {path.name}") from exc
    return Settings(**raw)


def load_feature_flags(path: Path) -> dict[str, bool]:
    with path.open("rb") as fh:
        doc = tomllib.load(fh)
    return {name: bool(value) for name, value in doc.get("flags", {}).items()}


def load_logging_ini(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser()
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["logging"])


def load_cached_manifest(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


def load_yaml_settings(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def database_url_from_env() -> str:
    return os.environ["APP_DATABASE_URL"]


def worker_count_from_env() -> int:
    return int(os.environ.get("APP_WORKERS", ""))


def settings_from_env() -> Settings:
    try:
        url = os.environ["APP_DATABASE_URL"]
    except KeyError as exc:
        raise SettingsError("APP_DATABASE_URL must be set") from exc
    return Settings(database_url=url, debug=os.environ.get("APP_DEBUG") == "1")
