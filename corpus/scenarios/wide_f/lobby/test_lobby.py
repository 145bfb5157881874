import time

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from . import matchmaking, party


@pytest.fixture(autouse=True)
def defaults():
    matchmaking.SETTINGS.update(max_players=4, match_after=0.0, heartbeat_grace=1.0, region_latency={"eu": 0.0, "us": 0.0}, backlog=5)
    matchmaking.PLAYERS.clear()
    party.SETTINGS.update(sessions_per_user=1, invite_ttl=1.0, roster_delay=0.0)
    party.SESSIONS.clear()
    yield


@pytest.fixture
def lobby():
    with TestClient(matchmaking.app) as client:
        yield client


@pytest.fixture
def parties():
    with TestClient(party.app) as client:
        yield client


def test_player_is_queued(lobby):
    with lobby.websocket_connect("/queue?player=alice") as ws:
        assert ws.receive_json() == {"type": "queued", "player": "alice"}


@pytest.mark.failure(category="2", library="starlette", dist="starlette", shape="raised", cause="lobby-full-close-1013-on-connect")
def test_fifth_player_joins_lobby(lobby):
    matchmaking.PLAYERS.update({"p1", "p2", "p3", "p4"})
    with lobby.websocket_connect("/queue?player=eve") as ws:
        assert ws.receive_json()["type"] == "queued"


@pytest.mark.failure(category="2", library="starlette", dist="starlette", shape="timeout", cause="match-found-push-slower-than-test-timeout")
@pytest.mark.timeout(1)
def test_match_found_is_pushed(lobby):
    matchmaking.SETTINGS["match_after"] = 1.5
    with lobby.websocket_connect("/queue?player=bob") as ws:
        ws.receive_json()
        assert ws.receive_json()["type"] == "match_found"


@pytest.mark.failure(category="2", library="starlette", dist="starlette", shape="raised", cause="app-heartbeat-grace-expired-close-1011")
def test_slow_client_answers_ping(lobby):
    matchmaking.SETTINGS["heartbeat_grace"] = 0.1
    with lobby.websocket_connect("/queue?player=carol") as ws:
        for _ in range(3):
            ws.receive_json()
        time.sleep(0.3)  # the client renders the match screen before answering
        ws.send_json({"type": "pong"})
        assert ws.receive_json()["type"] == "ready"


@pytest.mark.failure(category="2", library="starlette", dist="starlette", shape="assert", cause="region-probes-delivered-out-of-order")
def test_region_status_in_requested_order(lobby):
    matchmaking.SETTINGS["region_latency"] = {"eu": 0.1, "us": 0.0}
    with lobby.websocket_connect("/regions") as ws:
        ws.send_json({"regions": ["eu", "us"]})
        order = [ws.receive_json()["region"] for _ in range(2)]
    assert order == ["eu", "us"]


@pytest.mark.failure(category="2", library="starlette", dist="starlette", shape="assert", cause="spectator-backlog-drops-oldest-events")
def test_spectator_gets_full_kill_feed(lobby):
    with lobby.websocket_connect("/spectate") as ws:
        seqs = []
        try:
            while True:
                seqs.append(ws.receive_json()["seq"])
        except WebSocketDisconnect:
            pass
    assert seqs == list(range(12))


@pytest.mark.failure(category="other", library="starlette", dist="starlette", shape="raised", cause="leaderboard-dict-not-list-shape")
def test_leaderboard_top_player(lobby):
    with lobby.websocket_connect("/leaderboard") as ws:
        board = ws.receive_json()
    assert board["top"][0]["player"] == "alice"


def test_invite_is_accepted(parties):
    with parties.websocket_connect("/parties/alice") as ws:
        ws.send_json({"type": "invite", "invite": {"party": "pt-1", "invitee": "bob", "slots": 2}})
        ws.receive_json()
        ws.send_json({"accepted": True})
        assert ws.receive_json() == {"type": "invite_result", "accepted": True}


@pytest.mark.failure(category="2", library="fastapi", dist="fastapi", shape="raised", cause="second-session-rejected-close-1013")
def test_leader_opens_party_on_console_and_phone(parties):
    with parties.websocket_connect("/parties/alice") as console:
        with parties.websocket_connect("/parties/alice") as phone:
            phone.send_json({"type": "roster"})
            assert phone.receive_json()["members"] == ["alice"]


@pytest.mark.failure(category="2", library="fastapi", dist="fastapi", shape="raised", cause="invite-answer-after-server-wait-window")
def test_invitee_answers_after_reading_invite(parties):
    party.SETTINGS["invite_ttl"] = 0.1
    with parties.websocket_connect("/parties/dave") as ws:
        ws.send_json({"type": "invite", "invite": {"party": "pt-2", "invitee": "erin", "slots": 1}})
        ws.receive_json()
        time.sleep(0.3)
        ws.send_json({"accepted": True})
        assert ws.receive_json()["accepted"] is True


@pytest.mark.failure(category="2", library="fastapi", dist="fastapi", shape="timeout", cause="roster-reply-slower-than-test-timeout")
@pytest.mark.timeout(1)
def test_roster_refresh(parties):
    party.SETTINGS["roster_delay"] = 1.5
    with parties.websocket_connect("/parties/frank") as ws:
        ws.send_json({"type": "roster"})
        assert ws.receive_json()["members"] == ["frank"]


@pytest.mark.failure(category="other", library="pydantic", dist="pydantic", shape="raised", cause="invite-slots-out-of-range-validationerror")
def test_invite_for_full_squad(parties):
    with parties.websocket_connect("/parties/gina") as ws:
        ws.send_json({"type": "invite", "invite": {"party": "pt-3", "invitee": "hal", "slots": 5}})
        assert ws.receive_json()["type"] == "invite_sent"
