"""A small Flask app with Flask-Caching (SimpleCache)."""

from __future__ import annotations

from flask import Flask, jsonify, request
from flask_caching import Cache

cache = Cache()
PRODUCTS = {1: {"name": "Desk", "stock": 10}, 2: {"name": "Chair", "stock": 4}}


@cache.memoize(timeout=300)
def get_product(product_id: int) -> dict:
    return dict(PRODUCTS[product_id])


def set_stock(product_id: int, stock: int) -> None:
    PRODUCTS[product_id]["stock"] = stock
    cache.delete_memoized(get_product, str(product_id))  # wrong argument type: does not match the memo key


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.update(CACHE_TYPE="SimpleCache", CACHE_DEFAULT_TIMEOUT=300)
    cache.init_app(app)

    @app.get("/products/<int:pid>")
    @cache.cached(timeout=60)
    def product(pid):
        return jsonify(PRODUCTS[pid])

    @app.get("/search")
    @cache.cached(timeout=60)
    def search():
        q = request.args.get("q", "")
        return jsonify([p["name"] for p in PRODUCTS.values() if q.lower() in p["name"].lower()])

    return app
