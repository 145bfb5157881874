"""Turn the library-message bank into labelled corpus rows.

Usage: ``python corpus/collect_messages.py [BANK.jsonl] [--out corpus/data/library-messages.jsonl]`` (the bank
defaults to ``corpus/messages/library-messages.jsonl``).

``corpus/messages/library-messages.jsonl`` holds error messages harvested from the source code of real libraries
(each row cites its ``source`` file and line), labelled with the category of their mechanism, or ``other`` for the
same libraries' unrelated errors. A model reads failures, not bare messages, so each message is written as the
tail of the pytest report a test would give when the library raises it::

    E   sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, ...

    /venv/lib/python3.11/site-packages/sqlalchemy/pool/impl.py:157: TimeoutError

The canonical text of such a row has the exception, the message and the library frame where it was raised: what
the innermost part of a real failure shows, without the test's own frames or name (the row's ``shape`` is
``message``). A message the library logs or returns instead of raising (its ``exception`` is null) becomes a
row of that message alone. Output rows are sorted by id, so reruns give stable diffs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SITE = "/venv/lib/python3.11/site-packages/"
STDLIB = "/usr/lib/python3.11/"


def failure_text(exception: str, message: str, source: str, stdlib: bool) -> str:
    """The pytest report tail of ``exception(message)`` raised at ``source`` (``path:line``)."""
    lines = message.splitlines() or [""]
    head = f"E   {exception}: {lines[0]}" if lines[0] else f"E   {exception}"
    body = [head, *(f"E   {line}" if line else "E" for line in lines[1:])]
    where = (STDLIB if stdlib else SITE) + source
    return "\n".join([*body, "", f"{where}: {exception.rsplit('.', 1)[-1]}"])


def to_row(entry: dict[str, object]) -> dict[str, object]:
    exception = entry.get("exception")
    message = str(entry["message"])
    return {
        "id": f"msg-{entry['id']}",
        "category": str(entry["category"]),
        "cause": entry.get("cause"),
        "library": entry["library"],
        "dist": entry.get("dist"),
        "version": entry.get("version"),
        "shape": "message",
        "scenario": f"library source {entry['source']}",
        "message": f"{exception}: {message}" if exception else message,
        "text": failure_text(str(exception), message, str(entry["source"]), entry.get("dist") is None)
        if exception
        else "",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bank", nargs="?", type=Path, default=ROOT / "messages" / "library-messages.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "library-messages.jsonl")
    args = ap.parse_args()
    entries = [json.loads(line) for line in args.bank.read_text("utf-8").splitlines() if line.strip()]
    rows = sorted((to_row(e) for e in entries), key=lambda r: str(r["id"]))
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows), "utf-8")
    tmp.replace(args.out)
    print(f"{args.out}: {len(rows)} message rows", file=sys.stderr)


if __name__ == "__main__":
    main()
