from __future__ import annotations

import unittest

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .compat import (
    as_ratio,
    create_app,
    customer_by_id,
    customer_db,
    customer_emails,
    default_currency_locale,
    parse_quote,
    signup_schema,
    validate_address,
    weekly_matrix,
)

# the project's pytest configuration: filterwarnings = ["error"]
pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture
def session():
    s = customer_db()
    yield s
    s.close()


@pytest.fixture
def client():
    ready = []
    with TestClient(create_app(lambda: ready.append(True))) as c:
        yield c


@pytest.mark.failure(category="other", library="pytest", shape="raised", cause="deprecation-as-error")
def test_parse_quote_emits_no_warning():
    with pytest.warns(None) as record:
        parse_quote({"carrier": "dhl", "price_cents": 499})
    assert len(record) == 0


@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="deprecation-as-error")
def test_weekly_matrix_shape():
    assert weekly_matrix([[1, 2, 3]] * 7).shape == (7, 3)


@pytest.mark.failure(category="other", library="numpy", shape="raised", cause="deprecation-as-error")
def test_channel_ratio_sums_to_one():
    assert as_ratio([2, 3, 5]).sum() == pytest.approx(1.0)


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="deprecation-as-error")
def test_customer_by_id(session):
    assert customer_by_id(session, 2).email == "bob@example.com"


@pytest.mark.failure(category="other", library="sqlalchemy", dist="SQLAlchemy", shape="raised", cause="deprecation-as-error")
def test_customer_emails_in_id_order(session):
    assert customer_emails(session) == ["ada@example.com", "bob@example.com"]


@pytest.mark.failure(category="other", library="fastapi", shape="setup", cause="deprecation-as-error")
def test_import_endpoint_accepts_json(client):
    assert client.post("/imports", json={"rows": 3}).json() == {"accepted": True}


@pytest.mark.failure(category="other", library="httpx", shape="raised", cause="deprecation-as-error")
def test_import_endpoint_accepts_raw_csv():
    raw = FastAPI()

    @raw.post("/imports/raw")
    async def upload() -> dict:
        return {"accepted": True}

    client = TestClient(raw)
    assert client.post("/imports/raw", data=b"sku,qty\nSKU-1,3\n").status_code == 200


@pytest.mark.failure(category="other", library="locale", dist=None, shape="raised", cause="deprecation-as-error")
def test_default_currency_locale():
    assert default_currency_locale().count("_") == 1


@pytest.mark.failure(category="other", library="jsonschema", shape="raised", cause="deprecation-as-error")
def test_address_with_iso_country():
    validate_address({"country": "NL"})


@pytest.mark.failure(category="other", library="pydantic", shape="raised", cause="deprecation-as-error")
def test_parse_shipping_quote():
    assert parse_quote({"carrier": "ups", "price_cents": 899}).price_cents == 899


@pytest.mark.failure(category="other", library="marshmallow", shape="raised", cause="deprecation-as-error")
def test_signup_defaults_to_free_plan():
    assert signup_schema().load({"email": "ada@example.com"})["plan"] == "free"


class LegacyQuoteTests(unittest.TestCase):
    @pytest.mark.failure(category="other", library="unittest", dist=None, shape="raised", cause="deprecation-as-error")
    def test_quote_carrier(self):
        self.assertEquals(parse_quote.__name__, "parse_quote")
