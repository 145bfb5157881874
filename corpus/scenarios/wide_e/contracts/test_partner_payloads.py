import json

import pytest

from . import payloads

# stubbed replies of the partner APIs, as the integration tests return them


def test_pallet_with_expiry():
    pallet = payloads.parse_pallet({"id": "P1", "sku": "MUG", "quantity": 40, "bin": {"code": "A1", "capacity": 60},
                                    "expires": "2026-01-01"})
    assert pallet.bin.code == "A1"


@pytest.mark.failure(category="6", library="dacite", shape="raised", cause="stub-payload-missing-nested-field")
def test_pallet_location():
    stub = {"id": "P2", "sku": "KETTLE", "quantity": 12, "bin": "B4"}
    pallet = payloads.parse_pallet(stub)
    assert pallet.bin.code == "B4"


@pytest.mark.failure(category="6", library="dacite", shape="raised", cause="stub-payload-wrong-type")
def test_pallet_quantity():
    stub = {"id": "P3", "sku": "TOASTER", "quantity": "12", "bin": {"code": "C2", "capacity": 20}}
    pallet = payloads.parse_pallet(stub)
    assert pallet.quantity == 12


@pytest.mark.failure(category="6", library="dacite", shape="raised", cause="stub-payload-extra-field-strict")
def test_pallet_from_new_api_version():
    body = {"id": "P4", "sku": "MUG", "quantity": 5, "bin": {"code": "A1", "capacity": 60}, "lot": "L-77"}
    pallet = payloads.parse_pallet(body)
    assert pallet.sku == "MUG"


def test_points_balance():
    assert payloads.parse_points({"member_id": "m1", "balance": 120, "tier": "silver"}).balance == 120


@pytest.mark.failure(category="6", library="cattrs", shape="chained", cause="stub-payload-renamed-field")
def test_points_tier():
    reply = {"memberId": "m2", "balance": 300, "tier": "gold"}
    points = payloads.parse_points(reply)
    assert points.tier == "gold"


@pytest.mark.failure(category="6", library="cattrs", shape="chained", cause="stub-payload-wrong-type")
def test_statement_entries():
    reply = {"member_id": "m3", "entries": [{"points": 10}, {"points": -4}]}
    statement = payloads.parse_statement(reply)
    assert sum(statement.entries) == 6


@pytest.mark.failure(category="6", library="cattrs", shape="chained", cause="stub-payload-extra-field-forbidden")
def test_points_after_api_upgrade():
    reply = {"member_id": "m4", "balance": 75, "tier": "bronze", "expires_at": "2026-12-31"}
    points = payloads.parse_points(reply)
    assert points.balance == 75


def test_search_single_hit():
    raw = json.dumps({"query": "mug", "total": 1, "hits": [{"sku": "MUG", "score": 0.9}]}).encode()
    assert payloads.parse_search(raw).hits[0].sku == "MUG"


@pytest.mark.failure(category="6", library="msgspec", shape="raised", cause="stub-payload-missing-required-field")
def test_search_kettles():
    raw = b'{"query": "kettle", "results": [{"sku": "KETTLE", "score": 0.8}]}'
    result = payloads.parse_search(raw)
    assert result.total == 1


@pytest.mark.failure(category="6", library="msgspec", shape="raised", cause="stub-payload-wrong-type")
def test_search_scores():
    raw = b'{"query": "toaster", "total": 1, "hits": [{"sku": "TOASTER", "score": "high"}]}'
    result = payloads.parse_search(raw)
    assert result.hits[0].score > 0.5


@pytest.mark.failure(category="6", library="msgspec", shape="raised", cause="stub-payload-wrong-container")
def test_search_paged():
    raw = b'{"query": "mug", "total": 2, "hits": {"items": [{"sku": "MUG", "score": 0.9}], "next": null}}'
    result = payloads.parse_search(raw)
    assert len(result.hits) == 1


@pytest.mark.failure(category="6", library="pydantic", shape="raised", cause="stub-payload-renamed-field")
def test_latest_review_author():
    payload = {"id": 9, "rating": 5, "user": {"name": "ida"}, "posted_at": "2024-05-01T12:00:00Z"}
    review = payloads.parse_review(payload)
    assert review.author == "ida"


@pytest.mark.failure(category="6", library="pydantic", shape="raised", cause="stub-payload-wrong-type")
def test_review_rating_scale():
    payload = {"id": 10, "rating": "4.5/5", "author": "ole", "posted_at": "2024-05-02T08:00:00Z"}
    review = payloads.parse_review(payload)
    assert review.rating >= 4


@pytest.mark.failure(category="other", library="msgspec", shape="raised", cause="app-encodes-unsupported-type")
def test_search_request_body():
    import msgspec

    body = msgspec.json.encode({"query": "mug", "filters": {"in_stock"}, "limit": object()})
    assert body.startswith(b'{"query"')


@pytest.fixture
def recorded_reviews():
    """Reviews page recorded from the reviews API sandbox, parsed the way the importer does."""
    raw = [
        {"id": 1, "rating": 5, "author": "ida", "posted_at": "2024-05-01T12:00:00Z"},
        {"id": 2, "stars": 3, "author": "ole", "posted_at": "2024-05-03T09:00:00Z"},
    ]
    return [payloads.parse_review(r) for r in raw]


@pytest.mark.failure(category="6", library="pydantic", shape="setup", cause="recorded-payload-renamed-field")
def test_average_rating(recorded_reviews):
    assert sum(r.rating for r in recorded_reviews) / len(recorded_reviews) == 4
