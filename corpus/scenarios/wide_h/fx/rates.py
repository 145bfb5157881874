"""FX rates client used by checkout, with a local stand-in for the rates provider."""

from __future__ import annotations

import requests

from ..stub_http import serve

RATES_PORT = 48006
RATES = {"EUR": 1.0, "USD": 1.0842, "GBP": 0.8561, "CHF": 0.9412}


def _route(method, path, body, headers):
    code = path.rsplit("/", 1)[-1]
    if code not in RATES:
        return 404, {}, {"error": f"unknown currency {code}"}
    return 200, {}, {"base": "EUR", "code": code, "rate": RATES[code]}


def rates_url() -> str:
    return serve(RATES_PORT, _route)


def rate(code: str) -> float:
    resp = requests.get(f"{rates_url()}/v1/rates/{code}", timeout=2)
    resp.raise_for_status()
    return resp.json()["rate"]


def convert(amount: float, code: str) -> float:
    return round(amount * rate(code), 2)
