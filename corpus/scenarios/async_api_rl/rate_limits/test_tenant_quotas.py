import pytest

from . import quotas


def test_free_plan_allows_first_requests():
    assert quotas.consume("acme") is True
    assert quotas.consume("acme") is True


def test_bulk_import_costs_one_unit():
    assert quotas.consume("acme", cost=1)


@pytest.mark.failure(category="7", library="limits", dist="limits", shape="assert", cause="memory-storage-shared-across-tests")
def test_free_plan_request_allowed():
    assert quotas.consume("acme") is True


@pytest.mark.failure(category="7", library="limits", dist="limits", shape="assert", cause="memory-storage-shared-across-tests")
def test_fresh_tenant_has_full_quota():
    assert quotas.remaining("acme") == 3


class TestProPlan:
    def test_dashboard_polling(self):
        assert all(quotas.require_quota("globex", "pro") is None for _ in range(6))

    def test_report_generation(self):
        for _ in range(4):
            quotas.require_quota("globex", "pro")

    @pytest.mark.failure(category="7", library="limits", dist="limits", shape="raised", cause="moving-window-shared-across-test-classes")
    def test_api_call_within_quota(self):
        quotas.require_quota("globex", "pro")


class TestExports:
    def test_first_export(self):
        assert quotas.export_allowed("initech")

    def test_second_export(self):
        assert quotas.export_allowed("initech")

    @pytest.mark.failure(category="7", library="limits", dist="limits", shape="assert", cause="sliding-window-shared-across-tests")
    def test_export_after_schema_change(self):
        assert quotas.export_allowed("initech"), "export should be allowed for a tenant with no exports in this test"


@pytest.mark.asyncio
async def test_webhook_delivery_burst():
    assert all([await quotas.webhook_allowed("https://hooks.example.com/a") for _ in range(4)])


@pytest.mark.failure(category="7", library="limits", dist="limits", shape="async", cause="async-storage-shared-across-tests")
@pytest.mark.asyncio
async def test_webhook_retry_is_delivered():
    async def deliver(url: str) -> int:
        if not await quotas.webhook_allowed(url):
            raise RuntimeError(f"webhook {url} throttled")
        return 200

    assert await deliver("https://hooks.example.com/a") == 200


def test_sms_verification_code():
    assert quotas.sms_allowed("+15550100")
    assert quotas.sms_allowed("+15550100")


@pytest.mark.failure(category="7", library="limits", dist="limits", shape="assert", cause="redis-storage-counters-leak-across-tests")
def test_sms_resend_allowed_twice():
    assert [quotas.sms_allowed("+15550100") for _ in range(2)] == [True, True]
