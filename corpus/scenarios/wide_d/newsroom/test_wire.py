import pytest
from litestar.testing import TestClient

from .wire import EDITORS, SETTINGS, app

READ_BUDGET = 0.3
DEFAULTS = dict(SETTINGS)


@pytest.fixture
def client():
    SETTINGS.update(DEFAULTS)
    EDITORS["online"] = 0
    with TestClient(app) as client:
        yield client


def test_follow_politics(client):
    with client.websocket_connect("/desks/politics") as ws:
        ws.send_json({"op": "follow"})
        assert ws.receive_json(timeout=READ_BUDGET) == {"op": "following", "desk": "politics", "stories": 2}


def test_replay_sport(client):
    with client.websocket_connect("/desks/sport") as ws:
        ws.send_json({"op": "replay"})
        assert ws.receive_json(timeout=READ_BUDGET)["title"] == "Derby ends 2-2"


@pytest.mark.failure(category="2", library="litestar", dist="litestar", shape="raised", cause="follow-confirmation-over-read-budget")
def test_follow_confirmation_latency(client):
    SETTINGS["desk_lookup_latency"] = 0.7
    with client.websocket_connect("/desks/sport") as ws:
        ws.send_json({"op": "follow"})
        assert ws.receive_json(timeout=READ_BUDGET)["op"] == "following"


@pytest.mark.failure(category="2", library="litestar", dist="litestar", shape="assert", cause="replayed-stories-out-of-order")
def test_replay_keeps_story_order(client):
    SETTINGS["jitter"] = [0.1, 0.0]
    with client.websocket_connect("/desks/politics") as ws:
        ws.send_json({"op": "replay"})
        titles = [ws.receive_json(timeout=READ_BUDGET)["title"] for _ in range(2)]
    assert titles == ["PM visits Leeds", "Budget date set"]


@pytest.mark.failure(category="2", library="litestar", dist="litestar", shape="raised", cause="embargo-check-delays-replay")
def test_replay_during_embargo_review(client):
    SETTINGS["embargo_check"] = 0.5
    with client.websocket_connect("/desks/politics") as ws:
        ws.send_json({"op": "replay"})
        first = ws.receive_json(timeout=READ_BUDGET)
    assert first["seq"] == 0


@pytest.mark.failure(category="2", library="litestar", dist="litestar", shape="raised", cause="editor-seat-limit-reached")
def test_whole_night_desk_follows(client):
    SETTINGS["max_editors"] = 2
    sessions = [client.websocket_connect("/desks/politics") for _ in range(3)]
    opened = [s.__enter__() for s in sessions]
    try:
        for ws in opened:
            ws.send_json({"op": "follow"})
        confirmations = [ws.receive_json(timeout=READ_BUDGET) for ws in opened]
    finally:
        for s in sessions:
            s.__exit__(None, None, None)
    assert len(confirmations) == 3


@pytest.mark.failure(category="2", library="litestar", dist="litestar", shape="raised", cause="keepalive-interval-longer-than-read-timeout")
def test_idle_editor_gets_keepalive(client):
    with client.websocket_connect("/desks/sport") as ws:
        ws.send_json({"op": "idle"})
        assert ws.receive_json(timeout=1.0)["op"] == "keepalive"


@pytest.mark.failure(category="other", library="litestar", dist="litestar", shape="raised", cause="plain-text-frame-decoded-as-json")
def test_headline_is_upper_cased(client):
    with client.websocket_connect("/desks/sport") as ws:
        ws.send_json({"op": "headline", "story": "Derby ends 2-2"})
        assert ws.receive_json(timeout=READ_BUDGET)["text"] == "DERBY ENDS 2-2"
