"""The library-message bank: its check passes, its corpus rows are what collect_messages writes, and such a row reads
as the failure of the library raising it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clusterer.evaluate import row_text
from clusterer.train import split_heldout

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "corpus" / "messages" / "library-messages.jsonl"
ROWS = ROOT / "corpus" / "data" / "library-messages.jsonl"

sys.path.insert(0, str(ROOT / "corpus"))
collect_messages = pytest.importorskip("collect_messages")


def test_the_bank_passes_its_check():
    done = subprocess.run([sys.executable, str(BANK.parent / "check.py")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_committed_rows_are_the_banks_rows(tmp_path):
    out = tmp_path / "rows.jsonl"
    subprocess.run(
        [sys.executable, str(ROOT / "corpus" / "collect_messages.py"), str(BANK), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == ROWS.read_bytes(), "run `python corpus/collect_messages.py` after editing the bank"


def test_no_bank_row_is_held_out():
    spec = json.loads((ROOT / "corpus" / "split.json").read_text("utf-8"))
    rows = [json.loads(line) for line in ROWS.read_text("utf-8").splitlines()]
    assert split_heldout(rows, spec["heldout_libraries"])[1] == []


QUEUEPOOL = {
    "id": "3-sqlalchemy-queuepool-limit",
    "category": "3",
    "cause": "pool-exhausted",
    "library": "sqlalchemy",
    "dist": "SQLAlchemy",
    "version": "2.0.44",
    "exception": "sqlalchemy.exc.TimeoutError",
    "message": "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00",
    "source": "sqlalchemy/pool/impl.py:157",
}


def test_a_message_row_reads_as_the_library_raising_it():
    row = collect_messages.to_row(QUEUEPOOL)
    assert row["shape"] == "message" and row["id"] == "msg-3-sqlalchemy-queuepool-limit"
    assert row_text(row).splitlines() == [
        "exception: sqlalchemy.exc.TimeoutError",
        "message: QueuePool limit of size <num> overflow <num> reached, connection timed out, timeout <num>",
        "frames: sqlalchemy.pool.impl",
    ]


def test_a_logged_message_is_a_message_alone():
    logged = QUEUEPOOL | {"exception": None, "message": "Task was destroyed but it is pending!", "dist": None}
    assert row_text(collect_messages.to_row(logged)) == "message: Task was destroyed but it is pending!"
