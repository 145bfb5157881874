"""Community forum endpoints: comments and search, rate limited per client IP with django-ratelimit."""

from __future__ import annotations

import json

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.decorators import ratelimit

COMMENTS: dict[int, list[str]] = {}


@csrf_exempt
@ratelimit(key="ip", rate="5/h", method="POST", block=True)
def post_comment(request: HttpRequest, thread_id: int) -> JsonResponse:
    body = json.loads(request.body)
    COMMENTS.setdefault(thread_id, []).append(body["text"])
    return JsonResponse({"thread": thread_id, "count": len(COMMENTS[thread_id])}, status=201)


@ratelimit(key="ip", rate="4/h", block=False)
def search(request: HttpRequest) -> JsonResponse:
    if getattr(request, "limited", False):
        return JsonResponse({"results": [], "degraded": True})
    q = request.GET.get("q", "")
    hits = [t for t, texts in COMMENTS.items() if any(q in x for x in texts)]
    return JsonResponse({"results": hits, "degraded": False})


@ratelimit(key="header:x-api-key", rate="3/h", block=True)
def export_thread(request: HttpRequest, thread_id: int) -> JsonResponse:
    return JsonResponse({"thread": thread_id, "comments": COMMENTS.get(thread_id, [])})


def too_many_requests(request: HttpRequest, exception: Exception) -> JsonResponse:
    return JsonResponse({"detail": "Too many requests, slow down."}, status=429)
