"""FastAPI service with slowapi rate limits (module-level limiter, in-memory storage)."""

from fastapi import FastAPI, Request, Response
from pydantic import BaseModel
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.middleware import SlowAPIMiddleware
from slowapi.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, default_limits=["15/minute"], headers_enabled=True)

app = FastAPI(title="accounts")
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)
app.add_middleware(SlowAPIMiddleware)

USERS = {"ada": "lovelace", "grace": "hopper"}


class Credentials(BaseModel):
    username: str
    password: str


@app.post("/auth/login")
@limiter.limit("5/minute")
async def login(request: Request, response: Response, creds: Credentials):
    if USERS.get(creds.username) != creds.password:
        return {"ok": False}
    return {"ok": True, "token": f"tok-{creds.username}"}


@app.get("/search")
@limiter.limit("10/minute")
async def search(request: Request, response: Response, q: str):
    return {"q": q, "results": [f"{q}-{i}" for i in range(3)]}


@app.post("/auth/password-reset")
@limiter.limit("3/hour")
async def password_reset(request: Request, response: Response, creds: Credentials):
    return {"queued": True, "user": creds.username}


@app.get("/health")
async def health(request: Request):
    return {"status": "ok"}
