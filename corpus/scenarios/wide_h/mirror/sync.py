"""Mirrors project metadata from the self-hosted GitLab into the developer portal; plus a GitLab stand-in."""

from __future__ import annotations

from collections import Counter

import gitlab

from ..stub_http import serve

GITLAB_PORT = 48004
REQUESTS_PER_TOKEN = 3
_requests: Counter[str] = Counter()

PROJECTS = {
    "7": {"id": 7, "name": "billing", "path_with_namespace": "platform/billing", "default_branch": "main"},
    "8": {"id": 8, "name": "portal", "path_with_namespace": "platform/portal", "default_branch": "main"},
}


def _route(method: str, path: str, body: bytes, headers):
    token = headers.get("PRIVATE-TOKEN", "")
    path = path.split("?", 1)[0]
    if path.startswith("/api/v4/groups"):
        return 429, {"Retry-After": "Thu, 26 Nov 2026 15:00:00 GMT"}, {"message": "429 Too Many Requests"}
    if path.startswith("/api/v4/projects/8/pipelines"):
        return 429, {"Retry-After": "30", "RateLimit-Remaining": "0"}, {"message": "429 Too Many Requests"}
    if path.startswith("/api/v4/projects/"):
        _requests[token] += 1
        if _requests[token] > REQUESTS_PER_TOKEN:
            return 429, {"Retry-After": "0", "RateLimit-Limit": str(REQUESTS_PER_TOKEN), "RateLimit-Remaining": "0"}, {"message": "429 Too Many Requests"}
        project = PROJECTS.get(path.split("/")[4])
        if project is None:
            return 404, {}, {"message": "404 Project Not Found"}
        return 200, {}, project
    return 404, {}, {"message": "404 Not Found"}


def connect(token: str = "glpat-portal-sync") -> gitlab.Gitlab:
    return gitlab.Gitlab(serve(GITLAB_PORT, _route), private_token=token)


def project_card(gl: gitlab.Gitlab, project_id: int, **request_opts) -> dict:
    project = gl.projects.get(project_id, **request_opts)
    return {"name": project.name, "path": project.path_with_namespace, "branch": project.default_branch}


def group_names(gl: gitlab.Gitlab) -> list[str]:
    return [g.name for g in gl.groups.list(get_all=False)]


def latest_pipeline_status(gl: gitlab.Gitlab, project_id: int) -> str:
    pipelines = gl.http_list(f"/projects/{project_id}/pipelines", get_all=False)
    return pipelines[0]["status"] if pipelines else "none"
