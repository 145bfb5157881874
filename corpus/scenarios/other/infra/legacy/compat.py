"""Code written against older releases of its dependencies (it ran fine before the lock file was refreshed)."""

from __future__ import annotations

import locale
import warnings

import jsonschema
import numpy as np
from fastapi import FastAPI
from marshmallow import Schema, fields
from pydantic import BaseModel
from sqlalchemy import Column, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    email = Column(String(120), nullable=False)


def customer_db() -> Session:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    session = Session(engine)
    session.add_all([Customer(id=1, email="ada@example.com"), Customer(id=2, email="bob@example.com")])
    session.commit()
    return session


def customer_by_id(session: Session, customer_id: int) -> Customer | None:
    return session.query(Customer).get(customer_id)


def customer_emails(session: Session) -> list[str]:
    stmt = select([Customer.__table__.c.email]).order_by(Customer.__table__.c.id)
    return list(session.execute(stmt).scalars())


def weekly_matrix(days: list[list[float]]) -> np.ndarray:
    return np.row_stack([np.asarray(d, dtype=float) for d in days])


def as_ratio(values: list[int]) -> np.ndarray:
    arr = np.asarray(values, dtype=np.float)
    return arr / arr.sum()


def default_currency_locale() -> str:
    lang, _encoding = locale.getdefaultlocale()
    return lang or "en_US"


def create_app(on_ready) -> FastAPI:
    app = FastAPI()

    @app.on_event("startup")
    async def warm_up() -> None:
        on_ready()

    @app.post("/imports")
    async def import_csv(payload: dict | None = None) -> dict:
        return {"accepted": True}

    return app


ADDRESS_SCHEMA = {
    "$id": "https://schemas.acme.example/address.json",
    "type": "object",
    "properties": {"country": {"$ref": "#/definitions/country"}},
    "definitions": {"country": {"type": "string", "minLength": 2, "maxLength": 2}},
}


def validate_address(address: dict) -> None:
    resolver = jsonschema.RefResolver.from_schema(ADDRESS_SCHEMA)
    jsonschema.Draft7Validator(ADDRESS_SCHEMA, resolver=resolver).validate(address)


class ShippingQuote(BaseModel):
    carrier: str
    price_cents: int


def parse_quote(payload: dict) -> ShippingQuote:
    return ShippingQuote.parse_obj(payload)


def signup_schema() -> Schema:
    class SignupSchema(Schema):
        email = fields.Email(required=True)
        plan = fields.Str(missing="free")

    return SignupSchema()


def no_warnings_emitted(fn) -> bool:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn()
    return not caught
