from datetime import datetime, timezone
from decimal import Decimal

import msgpack
import pytest

from .wire import gate_event, pack_scan, read_gate_event, unpack_counters, unpack_scan


def test_scan_roundtrip():
    scan = {"parcel": "PX-1", "depot": 12, "weight_g": 1450}
    assert unpack_scan(pack_scan(scan)) == scan


def test_gate_event_roundtrip_with_datetime():
    event = {"gate": 3, "at": datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)}
    assert read_gate_event(gate_event(event)) == event


@pytest.mark.failure(category="other", library="msgpack", dist="msgpack", shape="raised", cause="serialisation-unsupported-type")
def test_scan_with_timestamp():
    scan = {"parcel": "PX-2", "scanned_at": datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)}
    assert unpack_scan(pack_scan(scan))["parcel"] == "PX-2"


@pytest.mark.failure(category="other", library="msgpack", dist="msgpack", shape="raised", cause="serialisation-unsupported-type")
def test_scan_with_declared_value():
    assert unpack_scan(pack_scan({"parcel": "PX-3", "declared_value": Decimal("19.99")}))["declared_value"] == Decimal("19.99")


@pytest.mark.failure(category="other", library="msgpack", dist="msgpack", shape="raised", cause="msgpack-strict-map-key")
def test_depot_counters_from_scanner():
    blob = msgpack.packb({12: 140, 14: 97})
    assert unpack_counters(blob)[12] == 140


@pytest.mark.failure(category="other", library="msgpack", dist="msgpack", shape="assert", cause="tuple-becomes-list-after-roundtrip")
def test_scan_position_roundtrip():
    scan = {"parcel": "PX-4", "position": (53.8008, -1.5491)}
    assert unpack_scan(pack_scan(scan)) == scan


@pytest.mark.failure(category="other", library="cbor2", dist="cbor2", shape="raised", cause="serialisation-unsupported-type")
def test_gate_event_with_tags():
    assert read_gate_event(gate_event({"gate": 4, "tags": {"fragile", "heavy"}, "scanner": object()}))


@pytest.mark.failure(category="other", library="cbor2", dist="cbor2", shape="raised", cause="truncated-binary-payload")
def test_gate_event_from_truncated_frame():
    blob = gate_event({"gate": 5, "parcel": "PX-5", "note": "left with neighbour"})
    assert read_gate_event(blob[:-6])["gate"] == 5
