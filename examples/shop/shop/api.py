"""HTTP API (FastAPI) with per-client rate limiting (slowapi)."""
from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address

from . import catalog
from .config import get_settings

limiter = Limiter(key_func=get_remote_address, default_limits=[])

QUOTES = {"AAPL": 189.5, "MSFT": 411.2, "NVDA": 121.8, "VTI": 262.0, "BND": 72.4}

app = FastAPI(title="shop")
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.get("/products/{sku}")
def product(sku: str) -> dict:
    try:
        p = catalog.get_product(sku)
    except LookupError:
        raise HTTPException(status_code=404, detail="unknown sku")
    return {"sku": p.sku, "name": p.name, "price": catalog.format_price(p.price)}


@app.get("/quotes/{symbol}")
@limiter.shared_limit(lambda: get_settings().quote_rate_limit, scope="quotes")
def quote(request: Request, symbol: str) -> dict:
    symbol = symbol.upper()
    if symbol not in QUOTES:
        raise HTTPException(status_code=404, detail="unknown symbol")
    return {"symbol": symbol, "price": QUOTES[symbol], "currency": "USD"}
