import pytest

from .crm import CrmClient

BASE = "https://api.crm.example.com"
ANA = {"id": "901", "properties": {"email": "ana@shop.example", "company": "Ana's Shop"}}


@pytest.fixture
def crm():
    return CrmClient(BASE)


def test_contact_lookup(httpx_mock, crm):
    httpx_mock.add_response(url=f"{BASE}/crm/v3/objects/contacts/search?email=ana%40shop.example", json={"results": [ANA]})
    assert crm.contact_by_email("ana@shop.example").company == "Ana's Shop"


def test_note_added(httpx_mock, crm):
    httpx_mock.add_response(method="POST", url=f"{BASE}/crm/v3/objects/contacts/901/notes", json={"id": "n1"})
    assert crm.add_note("901", "Parcel PX-1 delivered") == "n1"


@pytest.mark.failure(category="6", library="pytest-httpx", dist="pytest_httpx", shape="raised", cause="endpoint-not-mocked")
def test_delivery_note_for_contact(httpx_mock, crm):
    httpx_mock.add_response(url=f"{BASE}/crm/v3/objects/contacts/search?email=ana%40shop.example", json={"results": [ANA]})
    contact = crm.contact_by_email("ana@shop.example")
    assert crm.add_note(contact.id, "Parcel PX-2 delivered")


@pytest.mark.failure(category="6", library="pytest-httpx", dist="pytest_httpx", shape="raised", cause="mocked-url-query-mismatch")
def test_contact_lookup_is_case_insensitive(httpx_mock, crm):
    httpx_mock.add_response(url=f"{BASE}/crm/v3/objects/contacts/search?email=ana%40shop.example", json={"results": [ANA]})
    assert crm.contact_by_email("Ana@Shop.example").id == "901"


@pytest.mark.failure(category="6", library="pytest-httpx", dist="pytest_httpx", shape="teardown", cause="registered-mock-never-requested")
def test_contact_with_deals(httpx_mock, crm):
    httpx_mock.add_response(url=f"{BASE}/crm/v3/objects/contacts/search?email=ana%40shop.example", json={"results": [ANA]})
    httpx_mock.add_response(url=f"{BASE}/crm/v3/objects/contacts/901/deals", json={"results": [{"id": "d1"}]})
    assert crm.contact_by_email("ana@shop.example").id == "901"


@pytest.mark.failure(category="6", library="pytest-httpx", dist="pytest_httpx", shape="raised", cause="mock-payload-schema-mismatch")
def test_contact_company_from_search(httpx_mock, crm):
    # payload copied from the v1 docs; v3 nests fields under "properties"
    httpx_mock.add_response(
        url=f"{BASE}/crm/v3/objects/contacts/search?email=bo%40shop.example",
        json={"results": [{"id": "902", "email": "bo@shop.example", "company": "Bo Bikes"}]},
    )
    assert crm.contact_by_email("bo@shop.example").company == "Bo Bikes"


@pytest.mark.failure(category="6", library="pytest-httpx", dist="pytest_httpx", shape="raised", cause="mocked-method-mismatch")
def test_deals_listed(httpx_mock, crm):
    httpx_mock.add_response(method="POST", url=f"{BASE}/crm/v3/objects/contacts/901/associations/deals", json={"results": []})
    assert crm.deals("901") == []


@pytest.mark.failure(category="6", library="pytest-httpx", dist="pytest_httpx", shape="chained", cause="mock-payload-schema-mismatch")
def test_contact_owner_for_escalation(httpx_mock, crm):
    from .crm import owner_of

    httpx_mock.add_response(
        url=f"{BASE}/crm/v3/objects/contacts/901?properties=hubspot_owner_id", json={"id": "901", "owner": {"id": "77"}}
    )
    assert owner_of(crm, "901") == "77"
