"""A small FastAPI service: users, projects and signups."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, FastAPI, HTTPException
from pydantic import BaseModel, EmailStr, Field, field_validator

USERS = {1: {"id": 1, "name": "Ada"}, 2: {"id": 2, "name": "Linus"}}
PROJECTS = {10: {"id": 10, "name": "compiler", "owner": 1}}


class Signup(BaseModel):
    email: EmailStr
    username: str = Field(min_length=3, max_length=20, pattern=r"^[a-z0-9_]+$")
    birth_date: date
    age: int = Field(ge=13)

    @field_validator("birth_date")
    @classmethod
    def not_in_future(cls, value: date) -> date:
        if value > date.today():
            raise ValueError("birth date is in the future")
        return value


class ProjectIn(BaseModel):
    name: str
    owner: int


users = APIRouter(prefix="/users", tags=["users"])
projects = APIRouter(tags=["projects"])


@users.get("/{user_id}")
def get_user(user_id: int):
    if user_id not in USERS:
        raise HTTPException(status_code=404, detail="user not found")
    return USERS[user_id]


@users.get("/me")
def get_me():
    return USERS[1]


@projects.get("/project/{project_id}")
def get_project(project_id: int):
    return PROJECTS[project_id]


@projects.post("/projects/")
def create_project(body: ProjectIn):
    new_id = max(PROJECTS) + 1
    PROJECTS[new_id] = {"id": new_id, **body.model_dump()}
    return PROJECTS[new_id]


def create_app() -> FastAPI:
    app = FastAPI()
    app.include_router(users, prefix="/api/v1")
    app.include_router(projects)

    @app.post("/signup", status_code=201)
    def signup(body: Signup):
        return {"username": body.username}

    @app.get("/health")
    def health():
        return {"ok": True}

    return app
