"""Storefront API (Quart): product pages and cart endpoints, rate limited per client address."""

from __future__ import annotations

from datetime import timedelta

from quart import Quart, jsonify, request
from quart_rate_limiter import RateLimiter, rate_limit

app = Quart(__name__)
limiter = RateLimiter(app)

PRODUCTS = {"p-1": {"id": "p-1", "name": "Walnut desk", "price": "349.00"}, "p-2": {"id": "p-2", "name": "Oak shelf", "price": "129.00"}}


@app.get("/products/<pid>")
@rate_limit(3, timedelta(minutes=1))
async def product(pid: str):
    if pid not in PRODUCTS:
        return jsonify({"error": "unknown product"}), 404
    return jsonify(PRODUCTS[pid])


@app.post("/cart")
@rate_limit(2, timedelta(hours=1))
async def add_to_cart():
    body = await request.get_json()
    if body["qty"] > 10:
        raise RuntimeError("cart line exceeds warehouse pick limit")
    return jsonify({"added": body["product"], "qty": body["qty"]}), 201
