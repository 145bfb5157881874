from __future__ import annotations

import pytest
import requests

from .inventory_client import login


@pytest.fixture
def authed_session(inventory_service_url):
    session = requests.Session()
    token = login(session, inventory_service_url)
    session.headers["Authorization"] = f"Bearer {token}"
    yield session
    session.close()
