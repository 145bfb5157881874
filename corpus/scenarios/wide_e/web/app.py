"""The storefront's small web API (FastAPI) with its dependencies and server-side session cookie."""

from __future__ import annotations

from fastapi import Depends, FastAPI, Request, Response

app = FastAPI()


class Settings:
    def __init__(self, region: str = "eu", free_shipping_over: int = 5000) -> None:
        self.region = region
        self.free_shipping_over = free_shipping_over


def get_settings() -> Settings:
    return Settings()


def current_user() -> str:
    return "anonymous"


@app.get("/shipping/{total}")
def shipping(total: int, settings: Settings = Depends(get_settings)) -> dict:
    return {"region": settings.region, "free": total >= settings.free_shipping_over}


@app.get("/me")
def me(user: str = Depends(current_user)) -> dict:
    return {"user": user}


@app.post("/cart/{sku}")
def add_to_cart(sku: str, request: Request, response: Response) -> dict:
    items = [i for i in request.cookies.get("cart", "").split(",") if i]
    items.append(sku)
    response.set_cookie("cart", ",".join(items))
    return {"items": items}


@app.get("/cart")
def view_cart(request: Request) -> dict:
    return {"items": [i for i in request.cookies.get("cart", "").split(",") if i]}


@app.get("/orders/{order_id}")
def order(order_id: int) -> dict:
    return {"id": order_id, "total": order_id * 100}
