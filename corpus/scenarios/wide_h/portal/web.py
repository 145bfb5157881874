"""Customer portal (Flask) and its settings loader."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dotenv import load_dotenv
from flask import Flask, abort, jsonify, request

ENV_DIR = Path(__file__).parent / "envfiles"

app = Flask(__name__)
app.config.update(MAINTENANCE=False, MAX_CONTENT_LENGTH=1024 * 1024, SHOW_BETA_BANNER=False)


@app.before_request
def maintenance_gate():
    if app.config["MAINTENANCE"] and request.path != "/health":
        abort(503)


@app.get("/")
def home():
    return jsonify({"banner": "beta" if app.config["SHOW_BETA_BANNER"] else None, "page": "home"})


@app.get("/health")
def health():
    return jsonify({"ok": True})


@app.post("/avatar")
def avatar():
    return jsonify({"bytes": len(request.get_data())}), 201


@dataclass(frozen=True)
class Settings:
    api_base: str
    payments_timeout: int
    payments_mode: str


def load_settings(profile: str) -> Settings:
    load_dotenv(ENV_DIR / f"{profile}.env")
    return Settings(
        api_base=os.environ["API_BASE"],
        payments_timeout=int(os.environ["PAYMENTS_TIMEOUT"]),
        payments_mode=os.environ.get("PAYMENTS_MODE", "live"),
    )


@lru_cache(maxsize=None)
def shipping_fee_cents(weight_grams: int) -> int:
    """Flat 4.90 up to 1 kg, then 1.20 per started kg."""
    extra_kg = max(0, weight_grams - 1000) // 1000
    return 490 + 120 * extra_kg
