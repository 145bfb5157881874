import pytest

from .store import SessionStore

R = dict(library="fakeredis", shape="assert")


@pytest.fixture
def store(redis_client):
    return SessionStore(redis_client)


def test_login_creates_session(store):
    sid = store.login(42, ["customer"])
    assert store.roles(sid) == ["customer"]


def test_add_first_item(store):
    assert store.add_to_cart(42, "KB-101") == 1


@pytest.mark.failure(category="4", cause="shared-fakeserver-not-flushed-between-tests", **R)
def test_single_device_login(store):
    store.login(42, ["customer"])
    assert store.active_sessions(42) == 1


@pytest.mark.failure(category="4", cause="shared-fakeserver-not-flushed-between-tests", **R)
def test_cart_badge_counts_items(store):
    store.add_to_cart(42, "MS-220", 2)
    assert store.add_to_cart(42, "HD-330") == 3


@pytest.mark.failure(category="4", cause="session-set-from-earlier-test-counted", **R)
def test_staff_login_grants_admin(store):
    store.login(42, ["customer", "admin"])
    store.login(7, ["customer"])
    assert store.roles(store.current(7)) == ["customer"]
    assert store.active_sessions(42) == 1


@pytest.mark.failure(category="other", library="fakeredis", shape="raised", cause="roles-of-unknown-session")
def test_roles_of_expired_session(store):
    assert store.roles("s-does-not-exist") == []
