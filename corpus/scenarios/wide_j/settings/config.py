"""Application settings: built-in defaults, the site's INI file, environment flags and typed sections."""

from __future__ import annotations

import configparser

import pydantic
from marshmallow import EXCLUDE, Schema, fields

DEFAULTS = {
    "logging": {"level": "INFO", "format": "%(asctime)s %(levelname)s %(message)s", "json": False},
    "smtp": {"host": "localhost", "port": 587, "starttls": True},
    "exports": {"directory": "/var/exports", "keep_days": 30},
}


def merge_settings(defaults: dict, overrides: dict) -> dict:
    """Deep merge: a section in `overrides` only replaces the keys it names."""
    return {**defaults, **overrides}


def env_flag(environ: dict[str, str], name: str, default: bool = False) -> bool:
    """'1', 'true', 'yes', 'on' (any case) are true; '0', 'false', 'no', 'off' and '' are false."""
    if name not in environ:
        return default
    return bool(environ[name])


def read_ini(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    parser.read_string(text)
    return parser


def worker_settings(text: str) -> dict[str, object]:
    section = read_ini(text)["worker"]
    return {"queue": section.get("queue"), "retries": section.getint("retries"), "nice": section.get("nice", "0")}


@pydantic.dataclasses.dataclass
class SmtpSettings:
    host: str = "localhost"
    port: int = 25
    starttls: bool = False


@pydantic.dataclasses.dataclass
class BackupSettings:
    target: str
    keep_days: int = 7
    compress: bool = True


class ShippingSchema(Schema):
    class Meta:
        unknown = EXCLUDE

    carrier = fields.String(required=True)
    flat_fee = fields.Float(required=True)
    free_above = fields.Float(load_default=50.0)


def shipping_options(raw: dict) -> dict:
    return ShippingSchema().load(raw)
