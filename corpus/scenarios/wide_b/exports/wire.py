"""Compact wire formats for the handheld scanners (msgpack) and the depot gates (CBOR)."""

from __future__ import annotations

import cbor2
import msgpack


def pack_scan(scan: dict) -> bytes:
    return msgpack.packb(scan, use_bin_type=True)


def unpack_scan(blob: bytes) -> dict:
    return msgpack.unpackb(blob, raw=False)


def unpack_counters(blob: bytes) -> dict:
    """Per-depot counters keyed by depot number (scanners send int keys)."""
    return msgpack.unpackb(blob)


def gate_event(event: dict) -> bytes:
    return cbor2.dumps(event)


def read_gate_event(blob: bytes) -> dict:
    return cbor2.loads(blob)
