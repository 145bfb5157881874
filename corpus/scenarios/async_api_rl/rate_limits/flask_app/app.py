"""Flask API with flask-limiter (module-level limiter, memory storage by default)."""

import os

from flask import Flask, jsonify, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(
    get_remote_address,
    default_limits=["50 per hour"],
    storage_uri=os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
    headers_enabled=True,
)

COMMENTS: list[dict] = []


def create_app() -> Flask:
    app = Flask(__name__)
    limiter.init_app(app)

    @app.post("/api/comments")
    @limiter.limit("3 per minute")
    def post_comment():
        body = request.get_json()
        comment = {"id": len(COMMENTS) + 1, "text": body["text"], "author": body.get("author", "anon")}
        COMMENTS.append(comment)
        return jsonify(comment), 201

    @app.get("/api/comments")
    @limiter.limit("5 per minute")
    def list_comments():
        return jsonify({"items": COMMENTS, "count": len(COMMENTS)})

    @app.post("/api/export")
    @limiter.limit("1 per day", key_func=lambda: "global-export")
    def export():
        return jsonify({"job": "export-1", "status": "queued"}), 202

    @app.get("/api/profile/<user>")
    @limiter.limit("2 per minute", key_func=lambda: request.headers.get("X-Api-Key", "anonymous"))
    def profile(user: str):
        return jsonify({"user": user, "plan": "pro"})

    return app


app = create_app()
