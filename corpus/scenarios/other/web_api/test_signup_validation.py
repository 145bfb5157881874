from __future__ import annotations

from datetime import date

import marshmallow
import pytest
from email_validator import validate_email
from pydantic import BaseModel, TypeAdapter

from .app import Signup


class Address(marshmallow.Schema):
    street = marshmallow.fields.String(required=True)
    postcode = marshmallow.fields.String(required=True, validate=marshmallow.validate.Regexp(r"^\d{5}$"))
    country = marshmallow.fields.String(load_default="FR", validate=marshmallow.validate.Length(equal=2))


class Profile(BaseModel):
    display_name: str
    newsletter: bool
    referral_code: int | None = None


@pytest.fixture
def imported_signup():
    row = {"email": "marie@example.org", "username": "Marie.Curie", "birth_date": "1990-05-04", "age": "34"}
    return Signup.model_validate(row)


@pytest.mark.failure(category="other", library="pydantic", shape="raised", cause="invalid-user-input")
def test_signup_model_from_form():
    form = {"email": "john.doe@", "username": "jd", "birth_date": "1999-02-30", "age": 12}
    signup = Signup.model_validate(form)
    assert signup.username == "jd"


@pytest.mark.failure(category="other", library="pydantic", shape="setup", cause="invalid-user-input")
def test_imported_signup_username(imported_signup):
    assert imported_signup.username == "marie.curie"


@pytest.mark.failure(category="other", library="pydantic", shape="raised", cause="invalid-user-input")
def test_profile_settings_from_query_params():
    profile = Profile.model_validate({"display_name": "zoe", "newsletter": "sometimes", "referral_code": "ABC123"})
    assert profile.newsletter


@pytest.mark.failure(category="other", library="pydantic", shape="raised", cause="invalid-user-input")
def test_bulk_ids_from_csv_column():
    ids = TypeAdapter(list[int]).validate_python(["12", "13", "14a", ""])
    assert ids == [12, 13, 14]


@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="invalid-user-input")
def test_signup_endpoint_accepts_new_user(client):
    response = client.post(
        "/signup",
        json={"email": "sam@example.com", "username": "Sam Smith", "birth_date": "2001-07-19", "age": 23},
    )
    assert response.status_code == 201, response.json()


@pytest.mark.failure(category="other", library="marshmallow", shape="raised", cause="invalid-user-input")
def test_shipping_address_form():
    address = Address().load({"street": "12 rue de la Paix", "postcode": "7500", "country": "France"})
    assert address["country"] == "FR"


@pytest.mark.failure(category="other", library="email-validator", dist="email-validator", shape="raised", cause="invalid-user-input")
def test_invite_email_normalisation():
    result = validate_email("bob@@example.com", check_deliverability=False)
    assert result.normalized == "bob@example.com"


async def register_from_queue(message: dict) -> Signup:
    import asyncio

    await asyncio.sleep(0)
    return Signup.model_validate_json(message["body"])


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="pydantic", shape="async", cause="invalid-user-input")
async def test_signup_from_queue_message():
    message = {"body": '{"email": "lea@example.com", "username": "lea", "birth_date": "2031-01-01", "age": 20}'}
    signup = await register_from_queue(message)
    assert signup.username == "lea"
