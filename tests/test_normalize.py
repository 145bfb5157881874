"""Tests of clusterer.normalize: the mask rules one by one, the parsers on real tracebacks, and robustness."""

from __future__ import annotations

import doctest
import itertools
import json
import random
import re
from pathlib import Path

import pytest

from clusterer import normalize
from clusterer.normalize import MASK_RULES, MaskRule, canonical_text, canonicalize, mask, split_test_name
from clusterer.records import TestCase as Result

DATA = Path(__file__).parent / "data" / "normalize"
CASES: dict[str, dict[str, str]] = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))


def _sample(name: str) -> tuple[str, str, str]:
    case = CASES[name]
    return (DATA / f"{name}.txt").read_text(encoding="utf-8"), case["message"], case["test"]


def _section(text: str, name: str) -> str:
    for line in text.splitlines():
        if line.startswith(name + ": "):
            return line[len(name) + 2 :]
    return ""


# --- mask rules, one by one -------------------------------------------------------------------------------------

#: rule name -> (texts the rule must find, with the part it must match; texts it must not match)
RULE_EXAMPLES: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "errno": ([("[Errno 111] Connection refused", "[Errno 111]")], ["Errno 111", "[Errno x]"]),
    "db_error": (
        [
            ("(pymysql.err.OperationalError) (1040, 'Too many connections')", "1040, 'Too many connections'"),
            ("OperationalError(1213, u'Deadlock found')", "1213, u'Deadlock found'"),
        ],
        ["(12, 'x y')", "(1040, 'a', 'b')", "(1040, name)", "(1040, 'unclosed'"],
    ),
    "http_status": (
        [("got HTTP 503 from upstream", "HTTP 503"), ("status_code=429", "status_code=429")],
        ["HTTP 200000", "status ok", "HTTP 99"],
    ),
    "http_reason": (
        [("[429 TOO MANY REQUESTS]>", "429"), ("got 503 Service Unavailable", "503"), ("404 - Not Found", "404")],
        ["429 items", "took 503 ms", "200 OK", "1404 Not Found"],
    ),
    "http_reason_quoted": (
        [
            ("Client error '429 Too Many Requests' for url", "'429 Too Many Requests'"),
            ('"502 Bad Gateway"', '"502 Bad Gateway"'),
        ],
        ["'429 apples'", "'Too Many Requests'"],
    ),
    "http_429": ([("assert 429 == 200", "429"), ("(429)", "429")], ["took 429.5 ms", "4290", "x429"]),
    "ws_close": (
        [
            ("close_code=1011 reason", "close_code=1011"),
            ("code: 1006", "code: 1006"),
            ("status=4001", "status=4001"),
            ("received 1011 (internal error) keepalive ping timeout", "received 1011"),
            ("then sent 4000 (private use) bye", "sent 4000"),
        ],
        ["close_code=None", "code=1016", "exit code 1", "code=10060", "received 1011 rows", "sent 3000 bytes"],
    ),
    "url": ([("see https://sqlalche.me/e/21/3o7r now", "sqlalche.me/e/21/3o7r")], ["no scheme here", "a:/b"]),
    "email": ([("mail ann.lee+ci@example.co.uk!", "ann.lee+ci@example.co.uk")], ["user@", "@decorator", "a @ b"]),
    "path": (
        [
            ("at /home/ci/.cache/models/bert.bin", "/home/ci/.cache/models"),
            (r"C:\Users\ci\app\db.py", r"C:\Users\ci\app"),
            ("../venv/lib/x.py", "../venv/lib"),
        ],
        ["a/b", "and/or", "/root", "x /"],
    ),
    "uuid": (
        [("id 550e8400-e29b-41d4-a716-446655440000.", "550e8400-e29b-41d4-a716-446655440000")],
        ["550e8400-e29b-41d4-a716", "x550e8400-e29b-41d4-a716-446655440000"],
    ),
    "hex": ([("object at 0x7fdeb0d93990>", "0x7fdeb0d93990")], ["0x", "a0x12", "0xZZ"]),
    "hex_id": ([("commit 3f9a2c1de0 failed", "3f9a2c1de0")], ["deadbeefcafe", "12345678", "3f9a2c1"]),
    "timestamp": (
        [("at 2024-03-01T12:00:01.123Z;", "2024-03-01T12:00:01.123Z"), ("2024-03-01 12:00", "2024-03-01 12:00")],
        ["2024-03-01", "12:00:01"],
    ),
    "date": ([("on 2024-03-01.", "2024-03-01"), ("2024/03/01", "2024/03/01")], ["20240301", "24-03-01"]),
    "time": ([("at 12:00:01.5 UTC", "12:00:01.5")], ["12:00", "1:2:3"]),
    "ip": ([("from 10.0.0.5:5432", "10.0.0.5")], ["1.2.3", "v1.2.3.4.5", "10.0.0"]),
    "host": (
        [("db.internal:5432", "db.internal"), ("localhost:8000", "localhost")],
        ["tasks.py:649", "db.internal", "Bar.java:12", "localhost"],
    ),
    "line": (
        [
            ("tasks.py:649: in wait_for", "649"),
            ("File x, line 12, in f", "12"),
            ("a.test.js:10:5)", "10:5"),
        ],
        ["port 12", "at 12"],
    ),
    "port": ([("127.0.0.1:8765/ws", "8765"), ("port=1)", "1"), ("[::1]:80", "80")], ["12.5", "x: 80"]),
    "id": ([("user 4711234 gone", "4711234")], ["1234", "v12345x", "abc12345"]),
    "number": (
        [("timeout 0.05 s", "0.05"), ("took 100ms", "100"), ("retries 3.", "3"), ("session_1", "1")],
        ["int64", "utf8", "e2e"],
    ),
    "quoted": (
        [("file '/a/b.bin'", "'/a/b.bin'"), ('key "user:7"', '"user:7"'), ("got 'ann lee'", "'ann lee'")],
        ["No module named 'torch'", "attribute 'cursor'", "can't won't", "'sqlalchemy.orm'"],
    ),
}


def test_every_rule_has_examples_and_a_unique_name() -> None:
    names = [rule.name for rule in MASK_RULES]
    assert len(names) == len(set(names))
    assert set(names) == set(RULE_EXAMPLES)


@pytest.mark.parametrize("rule", MASK_RULES, ids=lambda r: r.name)
def test_rule_compiles_without_groups(rule: MaskRule) -> None:
    compiled = re.compile(rule.pattern)
    assert compiled.groups == 0, "rules are combined into one pattern with named groups: use (?:...)"
    assert rule.replacement is None or rule.replacement.startswith("<")


@pytest.mark.parametrize("rule", MASK_RULES, ids=lambda r: r.name)
def test_rule_positive_and_negative_examples(rule: MaskRule) -> None:
    compiled = re.compile(rule.pattern)
    positives, negatives = RULE_EXAMPLES[rule.name]
    for text, expected in positives:
        found = compiled.search(text)
        assert found is not None and found.group() == expected, (text, found)
        if rule.first:
            assert re.match(f"[{rule.first}]", expected), "a match must start with a character of `first`"
    for text in negatives:
        assert compiled.search(text) is None, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("conn 0x7f3a2b at 10.0.0.5:5432 took 0.25s", "conn <hex> at <ip>:<port> took <num>s"),
        ("QueuePool limit of size 5 overflow 10 reached", "QueuePool limit of size <num> overflow <num> reached"),
        ("[Errno 111] Connection refused", "[Errno 111] Connection refused"),
        ("HTTP 429 Too Many Requests", "HTTP 429 Too Many Requests"),
        ("ws://127.0.0.1:8765/ws", "ws://<url>"),
        ("No module named 'torch'", "No module named 'torch'"),
        ("KeyError: 'session-4711'", "KeyError: <str>"),
        ("url: /users/17", "url: <path>/<num>"),
        ("db.internal:5432 and x.py:12", "<host>:<port> and x.py:<line>"),
        ("at 2024-03-01T12:00:01Z", "at <timestamp>"),
        ("request 550e8400-e29b-41d4-a716-446655440000", "request <uuid>"),
        ("user 123456789", "user <id>"),
        ("", ""),
    ],
)
def test_mask_combined(text: str, expected: str) -> None:
    assert mask(text) == expected


def test_mask_is_idempotent() -> None:
    text = "conn 0x7f at 10.0.0.5:5432 file '/a/b c' 2024-03-01 id 99999 line 12"
    assert mask(mask(text)) == mask(text)


# --- the canonical text of real tracebacks ----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_sample_canonical_text(name: str) -> None:
    traceback, message, test = _sample(name)
    expected = (DATA / f"{name}.expected").read_text(encoding="utf-8").rstrip("\n")
    assert canonicalize(traceback, message, test) == expected


def test_pytest_formats_agree() -> None:
    """--tb=long, --tb=short, --tb=native and a console excerpt of one failure give one canonical text."""
    texts = {canonicalize(*_sample(name)) for name in CASES if name.startswith("sqlalchemy_pool_")}
    assert len(texts) == 1
    text = texts.pop()
    assert _section(text, "exception") == "sqlalchemy.exc.TimeoutError"
    frames = _section(text, "frames").split()
    assert frames[0] == "test_db_pool.test_get_user_profile"
    assert frames[-1] == "sqlalchemy.pool.impl._do_get"
    assert "_pytest" not in text and "pluggy" not in text


def test_captured_output_is_dropped() -> None:
    traceback, message, test = _sample("sqlalchemy_pool_console")
    assert "Captured log call" in traceback
    text = canonicalize(traceback, message, test)
    assert "holding" not in text and "stdout" not in text


def test_chained_exceptions_final_first() -> None:
    text = canonicalize(*_sample("requests_chain_auto"))
    assert _section(text, "exception").split() == [
        "requests.exceptions.ConnectionError",
        "urllib3.exceptions.MaxRetryError",
        "urllib3.exceptions.NewConnectionError",
        "ConnectionRefusedError",
    ]
    assert _section(text, "message").endswith("[Errno 111] Connection refused")
    text = canonicalize(*_sample("asyncio_wait_for_short"))
    assert _section(text, "exception") == "TimeoutError asyncio.exceptions.CancelledError"
    assert _section(text, "frames").split()[-1] == "asyncio.tasks.wait_for"


def test_during_handling_chain() -> None:
    traceback = (
        "Traceback (most recent call last):\n"
        '  File "/app/cache.py", line 10, in get\n'
        "    return self._data[key]\n"
        "KeyError: 'user:7'\n\n"
        "During handling of the above exception, another exception occurred:\n\n"
        "Traceback (most recent call last):\n"
        '  File "/app/tests/test_cache.py", line 5, in test_get\n'
        "    cache.get('user:7')\n"
        '  File "/app/cache.py", line 12, in get\n'
        "    raise CacheMiss(key)\n"
        "app.errors.CacheMiss: user:7\n"
    )
    text = canonicalize(traceback)
    assert _section(text, "exception") == "app.errors.CacheMiss KeyError"
    assert _section(text, "frames") == "cache.get test_cache.test_get cache.get"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("E   sqlalchemy.exc.TimeoutError: QueuePool limit", "sqlalchemy.exc.TimeoutError"),
        ("E   psycopg.OperationalError: connection failed", "psycopg.OperationalError"),
        ("E   asyncio.exceptions.CancelledError", "asyncio.exceptions.CancelledError"),
        ("E   RuntimeError: Event loop is closed", "RuntimeError"),
        ("E   re.error: bad escape \\d at position 7", "re.error"),
        ("E   socket.timeout: timed out", "socket.timeout"),
        ("E   Failed: Timeout >5.0s", "Failed"),
    ],
)
def test_exception_type_recognition(line: str, name: str) -> None:
    text = canonicalize(f"tests/test_x.py:3: in test_x\n    f()\n{line}\n")
    assert _section(text, "exception") == name
    native = canonicalize(f'Traceback (most recent call last):\n  File "x.py", line 1, in f\n    g()\n{line[4:]}\n')
    assert _section(native, "exception") == name


def test_source_lines_of_a_long_entry_are_not_exceptions() -> None:
    """pytest's long entries print the source of every frame: a docstring's "Raises" section or a dict of
    constants in it reads like an exception line, but only the ``E`` line and the ``path:12: Name`` line are."""
    traceback = (
        "    def load(file, allow_pickle=False):\n"
        '        """Load arrays.\n'
        "\n"
        "        Raises\n"
        "        ------\n"
        "        OSError\n"
        "            If the input file does not exist or cannot be read.\n"
        "        ValueError: if the file contains an object array and allow_pickle is False.\n"
        '        """\n'
        "        headers = {\n"
        '            hdrs.UPGRADE: "websocket",\n'
        "        }\n"
        ">       fid = open(os.fspath(file), 'rb')\n"
        "E       FileNotFoundError: [Errno 2] No such file or directory: 'models/vectors.npy'\n"
        "\n"
        "/venv/lib/python3.11/site-packages/numpy/lib/_npyio_impl.py:455: FileNotFoundError\n"
    )
    text = canonicalize(traceback)
    assert _section(text, "exception") == "FileNotFoundError"
    assert _section(text, "message").startswith("[Errno 2] No such file or directory")
    # the same lines in a native traceback of an exception group still count: there "|" marks the members
    group = canonicalize(
        "  + Exception Group Traceback (most recent call last):\n"
        '  |   File "app/feed.py", line 9, in run\n'
        "  |     async with asyncio.TaskGroup() as tg:\n"
        "  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n"
        "  +-+---------------- 1 ----------------\n"
        "    | Traceback (most recent call last):\n"
        '    |   File "app/feed.py", line 4, in pump\n'
        "    |     raise ValueError('bad tick')\n"
        "    | ValueError: bad tick\n"
        "    +------------------------------------\n"
    )
    assert _section(group, "exception") == "ExceptionGroup ValueError"


def test_exception_group() -> None:
    text = canonicalize(*_sample("anyio_exception_group_native"))
    assert _section(text, "exception") == "ExceptionGroup KeyError ValueError"
    assert _section(text, "message").startswith("unhandled errors in a TaskGroup")
    assert "test_async_stuff.worker" in _section(text, "frames")


def test_java_stack_trace() -> None:
    text = canonicalize(*_sample("java_caused_by"))
    assert _section(text, "exception") == "java.lang.IllegalStateException java.util.concurrent.TimeoutException"
    frames = _section(text, "frames").split()
    assert frames[1] == "com.acme.pool.PoolTest$ConnectionPool.borrow"  # the cause's innermost frame
    assert frames[-1] == "com.acme.pool.PoolTest$UserRepository.findUser"  # the final exception's innermost
    assert _section(text, "message").startswith("Could not load user <num>")


def test_js_traces() -> None:
    text = canonicalize(*_sample("jest_expect"))
    assert _section(text, "exception") == "Error"
    assert _section(text, "message").startswith("expect(received).toBe(expected)")
    assert _section(text, "frames").split()[-1] == "limiter.test.Object.toBe"
    assert "jest-circus" not in text and "node:" not in text
    text = canonicalize(*_sample("node_type_error"))
    assert _section(text, "exception") == "TypeError"
    assert _section(text, "frames") == "limiter.test.TestContext.<anonymous>"


def test_dotnet_trace_as_nunit_and_xunit_print_it() -> None:
    """NUnit and xUnit print ``Type : message`` (a space before the colon); a .NET frame without a source file ends
    in its parameter list, which is not a location."""
    text = canonicalize(
        "System.Net.WebSockets.WebSocketException : The remote party closed the WebSocket connection without"
        " completing the close handshake.\n"
        "   at System.Net.WebSockets.ManagedWebSocket.ThrowIfEOFUnexpected(Boolean throwOnPrematureClosure)\n"
        "   at System.Net.WebSockets.ManagedWebSocket.ReceiveAsync(Memory`1 buffer, CancellationToken token)\n"
        "   at Chat.Tests.HubTests.ReceivesBroadcast() in /src/Chat.Tests/HubTests.cs:line 57",
        "",
        "",
    )
    assert _section(text, "exception") == "System.Net.WebSockets.WebSocketException"
    assert _section(text, "message").startswith("The remote party closed the WebSocket connection")
    assert _section(text, "frames").split() == [
        "Chat.Tests.HubTests.ReceivesBroadcast",
        "System.Net.WebSockets.ManagedWebSocket.ReceiveAsync",
        "System.Net.WebSockets.ManagedWebSocket.ThrowIfEOFUnexpected",
    ]
    # xUnit's inner exceptions: "---- " per level of nesting, outermost first (as Java's "Caused by:")
    text = canonicalize(
        "System.AggregateException : One or more errors occurred. (pool exhausted)\n"
        "---- Npgsql.NpgsqlException : The connection pool has been exhausted, either raise 'Max Pool Size'"
        " (currently 100) or 'Timeout' (currently 15 seconds) in your connection string.\n"
        "-------- System.TimeoutException : The operation has timed out.\n"
        "   at Orders.Tests.RepoTests.Creates() in /src/Orders.Tests/RepoTests.cs:line 20",
        "",
        "",
    )
    assert _section(text, "exception") == "System.AggregateException Npgsql.NpgsqlException System.TimeoutException"
    assert "The connection pool has been exhausted" in _section(text, "message")


def test_faulthandler_crash() -> None:
    text = canonicalize(*_sample("faulthandler_segfault"))
    assert _section(text, "message") == "Fatal Python error: Segmentation fault"
    assert _section(text, "frames").split()[-1] == "ctypes.string_at"  # innermost last


@pytest.mark.parametrize(
    ("path", "func", "frame"),
    [
        ("/venv/lib/python3.11/site-packages/sqlalchemy/pool/impl.py", "_do_get", "sqlalchemy.pool.impl._do_get"),
        ("/usr/lib/python3.12/asyncio/tasks.py", "wait_for", "asyncio.tasks.wait_for"),
        ("tests/api/test_users.py", "test_get_user", "test_users.test_get_user"),
        ("/home/runner/work/app/app/tests/api/test_users.py", "test_get_user", "test_users.test_get_user"),
        ("/venv/lib/python3.11/site-packages/anyio/__init__.py", "run", "anyio.run"),
        (r"C:\hostedtoolcache\Python\3.11.7\x64\Lib\asyncio\tasks.py", "wait_for", "asyncio.tasks.wait_for"),
        ("<frozen importlib._bootstrap>", "_find_and_load", "importlib._bootstrap._find_and_load"),
    ],
)
def test_frame_names(path: str, func: str, frame: str) -> None:
    native = f'Traceback (most recent call last):\n  File "{path}", line 3, in {func}\n    x()\nValueError: boom\n'
    assert _section(canonicalize(native), "frames") == frame
    short = f"{path}:3: in {func}\n    x()\nE   ValueError: boom\n"
    assert _section(canonicalize(short), "frames") == frame


def test_frames_capped_and_deduplicated() -> None:
    entries = "".join(f"src/app/mod.py:{i}: in recurse\n    recurse()\n" for i in range(200))
    entries += "".join(f"src/app/m{i}.py:1: in f{i}\n    g()\n" for i in range(30))
    text = canonicalize(entries + "E   RecursionError: maximum recursion depth exceeded\n")
    frames = _section(text, "frames").split()
    assert len(frames) <= normalize.MAX_FRAMES
    assert frames[-1] == "m29.f29"
    text = canonicalize("".join(f"a.py:{i}: in f\n    f()\n" for i in range(50)) + "E   RecursionError\n")
    assert _section(text, "frames") == "a.f"


@pytest.mark.parametrize(
    ("test", "words"),
    [
        ("tests/api/test_users.py::test_get_user_profile[pg-1]", "get user profile"),
        ("tests/api/test_users.py::TestUserAPI::test_get_user_profile", "user api get user profile"),
        ("com.acme.pool.PoolTest::testBorrowTimesOut", "pool borrow times out"),
        ("src/limiter.test.js::rate limiter › returns 200", "rate limiter › returns"),
        ("test_websocket_reconnect[asyncio-0.5]", "websocket reconnect"),
        ("", ""),
    ],
)
def test_split_test_name(test: str, words: str) -> None:
    assert split_test_name(test).replace("› ", "") == words.replace("› ", "")


def test_message_only_and_empty_inputs() -> None:
    assert canonicalize("", "Failed: Timeout >5.0s") == "exception: Failed\nmessage: Timeout ><num>s"
    assert canonicalize("", "worker 'gw0' crashed while running 'tests/test_a.py::test_b'").startswith(
        "message: worker 'gw0' crashed"
    )
    assert canonicalize("") == ""
    assert canonicalize("\n\n  \n") == ""


def test_canonical_text_of_a_test_case() -> None:
    traceback, message, test = _sample("event_loop_closed_long")
    case = Result(test=test, outcome="failed", message=message, traceback=traceback)
    assert canonical_text(case) == canonicalize(traceback, message, test)


def test_crlf_ansi_and_replacement_characters() -> None:
    traceback, message, test = _sample("sqlalchemy_pool_short")
    expected = canonicalize(traceback, message, test)
    noisy = traceback.replace("\n", "\r\n").replace("E   sqlalchemy", "\x1b[31mE   sqlalchemy")
    assert canonicalize(noisy.replace("\x1b[31mE", "E") + "\x1b[0m", message, test) == expected
    assert _section(canonicalize(noisy, message, test), "frames") == _section(expected, "frames")
    mangled = "tests/t\ufffd.py:3: in test_x\n    f()\nE   UnicodeDecodeError: 'utf-8' codec can't decode \ufffd\n"
    assert _section(canonicalize(mangled), "exception") == "UnicodeDecodeError"


# --- same cause, same text; different causes, different texts ---------------------------------------------------


def _vary(text: str, seed: int) -> str:
    """Change what varies between runs: addresses, ports, ids, line numbers, temp dirs."""
    rng = random.Random(seed)
    text = re.sub(r"0x[0-9a-f]{6,}", lambda m: hex(rng.getrandbits(47)), text)
    text = re.sub(r"(?<=line )\d+|(?<=\.py:)\d+", lambda m: str(rng.randrange(1, 3000)), text)
    text = re.sub(r"(?<=port=)\d+|(?<=127\.0\.0\.1:)\d+", lambda m: str(rng.randrange(1024, 65535)), text)
    return re.sub(r"pytest-\d+", lambda m: f"pytest-{rng.randrange(1000)}", text)


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_cause_same_text(name: str) -> None:
    traceback, message, test = _sample(name)
    varied = _vary(traceback, 1)
    assert canonicalize(varied, _vary(message, 1), test) == canonicalize(traceback, message, test)


def test_same_cause_different_ids_same_text() -> None:
    a = "tests/t.py:9: in test_q\n    q()\nE   LookupError: user 48213 not found in session 7f3a9c2e1b (req 0x7fa1)\n"
    b = "tests/t.py:12: in test_q\n    q()\nE   LookupError: user 99120 not found in session 1c2d3e4f5a (req 0x7fb9)\n"
    assert canonicalize(a) == canonicalize(b)


def test_different_causes_different_texts() -> None:
    groups: dict[str, str] = {}
    for name in CASES:
        key = "sqlalchemy_pool" if name.startswith("sqlalchemy_pool_") else name
        groups.setdefault(key, canonicalize(*_sample(name)))
    for (a, text_a), (b, text_b) in itertools.combinations(groups.items(), 2):
        assert text_a != text_b, (a, b)
    base = "tests/t.py:9: in test_q\n    q()\nE   {}\n"
    texts = {
        canonicalize(base.format(error))
        for error in (
            "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached",
            "sqlalchemy.exc.OperationalError: (psycopg.OperationalError) connection refused",
            "RuntimeError: Event loop is closed",
            "RuntimeError: dictionary changed size during iteration",
        )
    }
    assert len(texts) == 4


# --- bounded work -----------------------------------------------------------------------------------------------

PATHOLOGICAL = [
    "a" * 1_000_000,
    "a." * 500_000,
    "1." * 500_000,
    "/a" * 500_000,
    "'" * 1_000_000,
    "a@" * 500_000,
    "0x" * 500_000,
    "1:" * 500_000,
    "-1" * 500_000,
    "E" + " " * 999_999,
    "File " * 200_000,
    "Error: " * 150_000,
    "tests/x.py:" * 100_000,
    "E   RuntimeError: " + "<Task pending a=<b c=[" * 40_000,  # nested reprs that never close
    "E   RuntimeError: " + "ValueError('x " * 60_000,  # exception reprs that never close
    "\n  x.py:1: UserWarning: w" * 40_000,  # warnings-summary entries
    "\n" + "word " * 200_000,  # a console excerpt with no exception and no error word
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:8]))
def test_one_megabyte_line_completes(text: str) -> None:
    """No regular expression explodes on a 1 MB line (the test completes; it is not timed precisely)."""
    assert len(mask(text)) > 0
    canonical = canonicalize(text, text, text[:1000])
    assert len(canonical) < 10_000


def test_long_input_keeps_head_and_tail() -> None:
    traceback, message, test = _sample("sqlalchemy_pool_long")
    filler = "    # filler line of source code that pushes the traceback over the limit\n" * 5000
    head, tail = traceback.split("\n", 1)
    text = canonicalize(head + "\n" + filler + tail, message, test)
    assert _section(text, "exception") == "sqlalchemy.exc.TimeoutError"
    assert _section(text, "frames").endswith("sqlalchemy.pool.impl._do_get")


def test_docstring_examples() -> None:
    failures, tried = doctest.testmod(normalize, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 0 and failures == 0


_LONG_MULTILINE = """\
    def test_resume(tmp_path):
>       ckpt = load_checkpoint(tmp_path / "ckpt.pt")

tests/test_ranker.py:56:
_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _

    def load_checkpoint(path):
>       return torch.load(path, map_location="cpu")
E       _pickle.UnpicklingError: Weights only load failed.
E       \t(1) Re-running `torch.load` with `weights_only` set to `False` will likely succeed.
E       \tWeightsUnpickler error: Unsupported global: GLOBAL app.ranker.TrainingConfig
E       **********************************************************************

tests/ranker.py:50: UnpicklingError
"""
_NATIVE_MULTILINE = """\
Traceback (most recent call last):
  File "/venv/lib/python3.11/site-packages/_pytest/python.py", line 187, in pytest_pyfunc_call
    result = testfunction(**testargs)
  File "tests/test_ranker.py", line 56, in test_resume
    ckpt = load_checkpoint(tmp_path / "ckpt.pt")
  File "tests/ranker.py", line 50, in load_checkpoint
    return torch.load(path, map_location="cpu")
_pickle.UnpicklingError: Weights only load failed.
\t(1) Re-running `torch.load` with `weights_only` set to `False` will likely succeed.
\tWeightsUnpickler error: Unsupported global: GLOBAL app.ranker.TrainingConfig
**********************************************************************
"""


def test_native_message_lines_match_long() -> None:
    """A native traceback's multi-line message gives the same canonical text as --tb=long's E lines; a rule of
    asterisks is layout in both."""
    long, native = canonicalize(_LONG_MULTILINE), canonicalize(_NATIVE_MULTILINE)
    assert long == native
    assert _section(native, "assert").split(" | ") == [
        "(<num>) Re-running `torch.load` with `weights_only` set to `False` will likely succeed.",
        "WeightsUnpickler error: Unsupported global: GLOBAL app.ranker.TrainingConfig",
    ]
    # the lines after the message stop at the first blank line: what follows is not the exception's
    console = _NATIVE_MULTILINE + "\nFAILED tests/test_ranker.py::test_resume - _pickle.UnpicklingError\n"
    assert canonicalize(console) == native


def test_rewritten_assertion_is_the_message_however_printed() -> None:
    """pytest prints a rewritten assertion as "E   assert ..." under "path:12: AssertionError" or, when the
    AssertionError's repr has a quote in it, as "E   AssertionError: assert ..."; --tb=native as
    "AssertionError: assert ...". All three are one message."""
    where = "<app.RankingService object at 0x7f>.model"
    bare = (
        "    def test_warm_up():\n>       assert service.model is not None\n"
        f"E       assert None is not None\nE        +  where None = {where}\n\n"
        "tests/test_ranker.py:168: AssertionError\n"
    )
    prefixed = bare.replace("E       assert None", "E       AssertionError: assert None")
    native = (
        'Traceback (most recent call last):\n  File "tests/test_ranker.py", line 168, in test_warm_up\n'
        "    assert service.model is not None\nAssertionError: assert None is not None\n"
        f" +  where None = {where}\n"
    )
    texts = {canonicalize(bare), canonicalize(prefixed), canonicalize(native)}
    assert len(texts) == 1
    text = texts.pop()
    assert _section(text, "message") == "assert None is not None"
    assert _section(text, "assert").startswith("+  where None")


def test_private_exception_classes_are_exceptions() -> None:
    text = canonicalize(
        "E   numpy._core._exceptions._ArrayMemoryError: Unable to allocate 3 TiB\n\nx.py:3: MemoryError\n"
    )
    assert _section(text, "exception") == "numpy._core._exceptions._ArrayMemoryError"


def test_pytest_summary_line_names_the_exception() -> None:
    """A console excerpt with only pytest's short summary still gives the exception, its message and the lines
    that continue it; a traceback's own exception wins over its summary line."""
    excerpt = (
        "=========================== short test summary info ============================\n"
        "FAILED tests/test_orders.py::test_concurrent_update - psycopg.errors.DeadlockDetected: deadlock detected\n"
        "DETAIL:  Process 159 waits for ShareLock on transaction 1142; blocked by process 161.\n"
    )
    text = canonicalize(excerpt)
    assert _section(text, "exception") == "psycopg.errors.DeadlockDetected"
    assert _section(text, "message") == "deadlock detected"
    assert _section(text, "assert").startswith("DETAIL:  Process <num> waits for ShareLock")
    assert _section(canonicalize("FAILED tests/test_a.py::test_total - assert 3 == 4\n"), "message") == (
        "assert <num> == <num>"
    )
    traceback = 'Traceback (most recent call last):\n  File "x.py", line 1, in f\nKeyError: 3\n'
    summary = "FAILED tests/x.py::test_f - TimeoutError: late\n"
    assert _section(canonicalize(traceback + summary), "exception") == "KeyError"


@pytest.mark.parametrize(
    "prefix",
    ["2024-05-01T08:22:34.1234567Z ", "05 08:22:34.582 - app.web - ERROR - ", "    web_1      | "],
)
def test_log_prefixes_are_cut(prefix: str) -> None:
    """A traceback printed through a logger (GitHub Actions timestamps, a logging format, docker compose) gives
    the text of the bare traceback, though the prefix's digits change from line to line."""
    bare = (
        "Traceback (most recent call last):\n"
        '  File "/srv/app/venv/lib/python3.11/site-packages/sqlalchemy/pool/impl.py", line 166, in _do_get\n'
        "    raise exc.TimeoutError(\n"
        "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached\n"
    )
    lines = bare.splitlines()
    logged = "\n".join(prefix.replace("34", str(30 + i)) + line for i, line in enumerate(lines))
    assert canonicalize(logged) == canonicalize(bare)
    assert _section(canonicalize(logged), "frames") == "sqlalchemy.pool.impl._do_get"


def test_log_prefix_of_a_pytest_run_is_cut() -> None:
    """A pytest report copied from a CI console that stamps every line (Jenkins' ``[2021-03-02T15:05:51.918Z]``)
    reads as the bare report: its FAILURES header shows the prefix."""
    bare = (
        "================================== FAILURES ===================================\n"
        "______________________ RateLimitTest.test_rate_limit_hit ______________________\n"
        "\n"
        "    def test_rate_limit_hit(self):\n"
        ">       assert codes[429] == 2, codes\n"
        "E       AssertionError: defaultdict(<class 'int'>, {429: 3, 202: 2})\n"
        "E       assert 3 == 2\n"
        "\n"
        "tests\\system\\test_requests.py:189: AssertionError\n"
    )
    stamped = "".join(f"[2021-03-02T15:05:{10 + i}.918Z] {line}" for i, line in enumerate(bare.splitlines(True)))
    assert canonicalize(stamped) == canonicalize(bare)
    assert _section(canonicalize(stamped), "exception") == "AssertionError"


def test_raise_line_names_the_exception_of_a_cut_excerpt() -> None:
    """An excerpt cut off before pytest's E lines still names the exception its marked line raises."""
    excerpt = (
        "=================================== FAILURES ===================================\n"
        "___________________________ test_xx ___________________________\n"
        "\n"
        "self = <_UnixSelectorEventLoop running=False closed=True debug=False>\n"
        "\n"
        "    def _check_closed(self):\n"
        "        if self._closed:\n"
        ">           raise RuntimeError('Event loop is closed')\n"
    )
    text = canonicalize(excerpt)
    assert _section(text, "exception") == "RuntimeError"
    assert _section(text, "message") == "Event loop is closed"
    assert _section(canonicalize(">       raise exc.TimeoutError(\n"), "exception") == "exc.TimeoutError"
    # a variable raised, or a name that is not an exception's, names nothing
    assert _section(canonicalize(">       raise response\n"), "exception") == ""
    assert _section(canonicalize(">       raise Config('x')\n"), "exception") == ""
    # the excerpt's own exception line wins over its raise line
    assert _section(canonicalize(excerpt + "E       KeyError: 'x'\n"), "exception") == "KeyError"


def test_ipython_tracebacks() -> None:
    """A notebook's traceback: the exception named in its header is not a log prefix, its frames are read."""
    notebook = (
        "KeyError                                  Traceback (most recent call last)\n"
        "Cell In[3], line 2\n"
        "      1 import joblib\n"
        '----> 2 model = joblib.load("model.pkl")\n'
        "\n"
        "File ~/venv/lib/python3.11/site-packages/joblib/numpy_pickle.py:658, in load(filename, mmap_mode)\n"
        "    656         return load_compatibility(fobj)\n"
        "--> 658     obj = _unpickle(fobj, filename, mmap_mode)\n"
        "\n"
        "KeyError: 118\n"
    )
    text = canonicalize(notebook)
    assert _section(text, "exception") == "KeyError"
    assert _section(text, "message") == "<num>"
    assert _section(text, "frames") == "joblib.numpy_pickle.load"


def test_pasted_excerpts_that_lost_their_layout() -> None:
    """A native frame pasted without its indentation is still a frame; pytest's ``E   assert x`` without the
    ``path:12: AssertionError`` line under it is still an AssertionError."""
    native = (
        'File "/p/.virtualenv/lib/python2.7/site-packages/responses.py", line 234, in get_response\n'
        "    reason=six.moves.http_client.responses[status],\n"
        "KeyError: 422\n"
    )
    assert _section(canonicalize(native), "frames") == "responses.get_response"
    cut = "FAILED tests/test_export.py::test_normal_model\n    assert is_saving(m) is False\nE   assert True is False\n"
    text = canonicalize(cut)
    assert _section(text, "exception") == "AssertionError"
    assert _section(text, "message") == "assert True is False"


@pytest.mark.parametrize(
    "line",
    [
        '2024-05-01 08:22:34 level=error logger=app.db message="sqlalchemy.exc.TimeoutError: QueuePool limit of '
        'size 5 overflow 10 reached" request_id=7f3a',
        '{"level": "error", "time": "2024-05-01T08:22:34Z", "msg": "sqlalchemy.exc.TimeoutError: QueuePool limit '
        'of size 5 overflow 10 reached"}',
    ],
)
def test_structured_log_line_gives_its_message_field(line: str) -> None:
    """A console excerpt whose only error is a logfmt or JSON log line: its message field is the failure's message
    (quoted, it would be masked whole), read as ``Type: message``."""
    text = canonicalize(line)
    assert _section(text, "exception") == "sqlalchemy.exc.TimeoutError"
    assert _section(text, "message") == "QueuePool limit of size <num> overflow <num> reached"
    # a failure's own message field is read as it is (the corpus's JSON 429 bodies are trained that way)
    assert _section(canonicalize("", message='{"error": "Rate limit exceeded: 5 per 1 minute"}'), "message") == (
        '{"error": <str>}'
    )


def test_fallback_message_skips_section_headers() -> None:
    excerpt = "============ FAILURES ============\n_____ test_a _____\nconnection lost to the broker\n"
    assert _section(canonicalize(excerpt), "message") == "connection lost to the broker"


def test_fallback_message_skips_rules() -> None:
    assert _section(canonicalize("==========\nsomething odd happened\n"), "message") == "something odd happened"


@pytest.mark.parametrize(
    ("line", "exception"),
    [
        ("E   PIL.UnidentifiedImageError: cannot identify image file", "PIL.UnidentifiedImageError"),
        ("MySQLdb.OperationalError: (1040, 'Too many connections')", "MySQLdb.OperationalError"),
        ("github.GithubException.GithubException: 403 {}", "github.GithubException.GithubException"),
    ],
)
def test_modules_with_capitals_qualify_exceptions(line: str, exception: str) -> None:
    assert _section(canonicalize(line), "exception") == exception


def test_capitalised_words_before_a_colon_are_not_exceptions() -> None:
    assert _section(canonicalize("Note.Smith: hello there"), "exception") == ""


# --- long messages and object reprs ---------------------------------------------------------------------------

_DIFFERENT_LOOP = (
    "RuntimeError: Task <Task pending name='Task-{n}' coro=<test_levels() running at /app/tests/test_stock.py:{n}> "
    "cb=[_run_until_complete_cb() at /usr/lib/python3.11/asyncio/base_events.py:180]> got Future "
    "<Future pending cb=[_chain_future.<locals>._call_check_cancel() at /usr/lib/python3.11/asyncio/futures.py:387]>"
    " attached to a different loop"
)


def test_nested_object_reprs_are_cut_to_type_and_state() -> None:
    """asyncio's most common failure keeps its point (the end of the message) and reads the same in every run."""
    first = _section(canonicalize(_DIFFERENT_LOOP.format(n=5)), "message")
    assert first == "Task <Task pending> got Future <Future pending> attached to a different loop"
    assert _section(canonicalize(_DIFFERENT_LOOP.format(n=912)), "message") == first
    destroyed = (
        "Task was destroyed but it is pending! task: <Task pending name='Task-1' coro=<f() done> "
        "wait_for=<Future pending cb=[<W object at 0x7f>()]>>"
    )
    assert _section(canonicalize(f"E   RuntimeError: {destroyed}"), "message").endswith("task: <Task pending>")


@pytest.mark.parametrize(
    "repr_",
    [
        "<_UnixSelectorEventLoop running=False closed=True debug=False>",  # no nested part: every attribute kept
        "<Response [429]>",  # no attributes
        "<WrapperTestResponse streamed [503 SERVICE UNAVAILABLE]>",
    ],
)
def test_flat_reprs_are_kept(repr_: str) -> None:
    assert repr_ in canonicalize(f"E   RuntimeError: got {repr_} here")


def test_long_message_keeps_head_and_tail_at_word_boundaries() -> None:
    words = " ".join(f"word{i}" for i in range(200))
    message = _section(canonicalize(f"E   ValueError: {words} is not JSON serializable"), "message")
    head, tail = message.split(" ... ")
    assert head.startswith("word0 word1 ")
    assert tail.endswith("word199 is not JSON serializable")
    assert re.fullmatch(r"(word\d+ )+", head + " ") and re.fullmatch(r"(word\d+ )+is not JSON serializable", tail)
    assert len(message) <= normalize.MAX_MESSAGE_CHARS


@pytest.mark.parametrize(
    ("text", "exception", "message"),
    [
        (  # an exception's repr printed alone: its argument is the message
            "RuntimeError(\"Task <Task pending name='Task-5' coro=<t() running at /t.py:12>> got Future "
            '<Future pending cb=[P._w()]> attached to a different loop")',
            "RuntimeError",
            "Task <Task pending> got Future <Future pending> attached to a different loop",
        ),
        (  # inside a message, the argument of a wrapped exception stays readable instead of becoming <str>
            "E   requests.exceptions.ConnectionError: Max retries exceeded with url: /x (Caused by "
            "NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new "
            "connection: [Errno 111] Connection refused'))",
            "requests.exceptions.ConnectionError",
            "Max retries exceeded with url: /x (Caused by NewConnectionError(<urllib3.connection.HTTPConnection "
            "object at <hex>>: Failed to establish a new connection: [Errno 111] Connection refused))",
        ),
    ],
)
def test_exception_reprs_are_read_as_messages(text: str, exception: str, message: str) -> None:
    canonical = canonicalize(text)
    assert _section(canonical, "exception") == exception
    assert _section(canonical, "message") == message


def test_quoted_values_that_are_not_exception_arguments_are_still_masked() -> None:
    assert _section(canonicalize("E   KeyError: Missing('user 42 not found')"), "message") == "Missing(<str>)"


_WARNINGS_SUMMARY = """tests/test_floors.py::test_inferenced_floors
  /opt/venv/lib/python3.12/site-packages/sklearn/base.py:376: InconsistentVersionWarning: Trying to unpickle \
estimator BayesianRidge from version 1.4.0 when using version 1.4.2.
    warnings.warn(
"""


def test_warnings_summary_entry_names_the_warning_when_nothing_raised() -> None:
    canonical = canonicalize(_WARNINGS_SUMMARY)
    assert _section(canonical, "exception") == "InconsistentVersionWarning"
    assert _section(canonical, "message").startswith("Trying to unpickle estimator BayesianRidge from version <num>")
    raised = canonicalize(_WARNINGS_SUMMARY + "E   KeyError: 'floors'\n")
    assert _section(raised, "exception") == "KeyError"


def test_console_excerpt_without_exception_uses_its_first_error_line() -> None:
    excerpt = (
        ">>> from github import Github\n>>> g.get_repo('PyGithub/PyGithub')\n"
        "Request GET /repos/x/y failed with 403: rate limit exceeded\nSetting next backoff to 855.66s\n"
    )
    assert _section(canonicalize(excerpt), "message") == "Request GET <path>/y failed with <num>: rate limit exceeded"
    assert _section(canonicalize("starting up\nall good\n"), "message") == "starting up"


@pytest.mark.parametrize(
    "tally",
    [
        "$ pytest tests/test_otel.py -n 3\n1 failed, 69 passed, 2 skipped in 25.68s",
        "==================== 1 failed, 1121 passed, 2 skipped in 25.68s (0:00:25) ====================",
        "Ran 12 tests in 0.300s\n\nFAILED (failures=1, errors=2)",
    ],
)
def test_console_excerpt_skips_the_runners_tally_and_command(tally: str) -> None:
    """A pasted excerpt ending with the run's tally ("1 failed, ...") or starting with the shell command: neither is
    the failure's message, though "failed" reads like an error; the log line that is left is."""
    line = "WARNING opentelemetry.trace: Overriding of current TracerProvider is not allowed"
    for excerpt in (f"{tally}\n{line}\n", f"{line}\n{tally}\n"):
        assert _section(canonicalize(excerpt), "message") == line
    # a line that only starts like a tally is content
    assert _section(canonicalize("2 failed to connect to the broker\n"), "message") == (
        "<num> failed to connect to the broker"
    )


@pytest.mark.parametrize(
    ("excerpt", "exception", "message"),
    [
        # a log level in front of the exception line
        (
            "collecting ...\nERROR  - RuntimeError: Settings already configured.\n",
            "RuntimeError",
            "Settings already configured.",
        ),
        # a line quoted in an issue's prose as inline code
        (
            'The job died with\n`psycopg2.errors.UndefinedTable: relation "products" does not exist`\n',
            "psycopg2.errors.UndefinedTable",
            'relation "products" does not exist',
        ),
        # after a log level, a logger's name is not an exception's
        (
            "WARNING opentelemetry.trace: Overriding of current TracerProvider is not allowed\n",
            "",
            "WARNING opentelemetry.trace: Overriding of current TracerProvider is not allowed",
        ),
        # a Python prompt's input is not the failure; its output is ("not allowed" reads like an error)
        (
            ">>> import agentops\n>>> agentops.init()\nOverriding of current TracerProvider is not allowed\n",
            "",
            "Overriding of current TracerProvider is not allowed",
        ),
        # backticks inside the line: prose, read as it is
        ("`x` fails against `y` with a timeout\n", "", "`x` fails against `y` with a timeout"),
        # pytest's captured-log line: its message, without level, logger, file and line
        (
            "DEBUG    geopy:osm.py:485 Nominatim.reverse: https://nominatim.example.org/reverse?lat=51.72\n"
            "INFO     geopy:base.py:387 Received an HTTP error (429): \n<html><title>429 Too many requests</title>\n",
            "",
            "Received an HTTP error (429):",
        ),
    ],
)
def test_console_excerpt_error_line_as_pasted_in_an_issue(excerpt: str, exception: str, message: str) -> None:
    text = canonicalize(excerpt)
    assert _section(text, "exception") == exception
    assert _section(text, "message") == message


def test_console_excerpt_prefers_an_exception_repr_to_an_error_word() -> None:
    """A runner's report with the exception's repr above a traceback cut before its last line: the repr names the
    exception, not the report's ``status: FAIL``."""
    excerpt = (
        "test_id:    FeaturesTest.test_get_features\nstatus:     FAIL\nrun time:   11.3 seconds\n\n"
        "HTTPError('403 Client Error: rate limit exceeded for url: https://api.github.com/repos/a/b/releases')\n"
        "Traceback (most recent call last):\n"
        '  File "/root/tests/services/installer.py", line 389, in released_versions\n'
        "    releases_json = self._released_versions_json()\n"
    )
    text = canonicalize(excerpt)
    assert _section(text, "exception") == "HTTPError"
    assert "rate limit exceeded" in _section(text, "message")
    assert _section(text, "frames") == "installer.released_versions"


@pytest.mark.parametrize(
    ("excerpt", "message", "details"),
    [
        # Rust 1.73 and later: the message on the lines under ``panicked at``, assert_eq!'s sides under it
        (
            "---- limits::tests::burst_is_refused stdout ----\n"
            "thread 'limits::tests::burst_is_refused' panicked at src/limits.rs:88:9:\n"
            "assertion `left == right` failed\n  left: 429\n right: 200\n"
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\n"
            "failures:\n    limits::tests::burst_is_refused\n\n"
            "test result: FAILED. 41 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.31s\n",
            "assertion `left == right` failed",
            "left: 429 | right: <num>",
        ),
        # before Rust 1.73: the message quoted on the panic's line, its location after it
        (
            "thread 'krate::publish::rate_limited' panicked at 'assertion failed: `(left == right)`\n"
            "  left: `429`,\n right: `200`', src/tests/krate/publish.rs:1024:10\n",
            "assertion failed: `(left == right)`",
            "left: `429` | right: `<num>`",
        ),
        # an unwrapped error: its value continues the message
        (
            "thread 'ws::stays_alive' panicked at crates/cli/src/serve/testutil.rs:168:51:\n"
            "called `Result::unwrap()` on an `Err` value:\n    Os { code: 54, kind: ConnectionReset }\n"
            "test result: FAILED. 3638 passed; 1 failed\n",
            "called `Result::unwrap()` on an `Err` value: Os { code: <num>, kind: ConnectionReset }",
            "",
        ),
    ],
)
def test_rust_panic_is_the_failure_not_cargos_tally(excerpt: str, message: str, details: str) -> None:
    """cargo test prints no exception line: the panic and its message are the failure (not the ``test result:
    FAILED`` tally, the only line with an error word), and assert_eq!'s ``left:`` / ``right:`` are its details."""
    text = canonicalize(excerpt)
    assert _section(text, "exception") == "panic"
    assert _section(text, "message") == message
    assert _section(text, "assert") == details


def test_go_test_failures_give_their_message_and_testify_details() -> None:
    """go test's ``file_test.go:31: message`` line is the failure; under testify it is ``Error:`` with
    ``expected:`` / ``actual:`` as details; a Go panic is a panic. The ``FAIL`` / ``exit status`` tally is not."""
    plain = "--- FAIL: TestQuota (0.00s)\n    quota_test.go:31: got status 429, want 200\nFAIL\nexit status 1\n"
    text = canonicalize(plain)
    assert _section(text, "message") == "got status 429, want <num>"
    assert _section(text, "exception") == ""
    testify = (
        "--- FAIL: TestQuota (0.00s)\n    quota_test.go:31: \n"
        "        \tError Trace:\t/src/quota/quota_test.go:31\n"
        "        \tError:      \tNot equal: \n"
        "        \t            \texpected: 200\n"
        "        \t            \tactual  : 429\n"
        "        \tTest:       \tTestQuota\n"
        "        \tMessages:   \tsecond call within the window\n"
        "FAIL\tgithub.com/acme/quota\t0.012s\n"
    )
    text = canonicalize(testify)
    assert _section(text, "message") == "Not equal:"
    assert _section(text, "assert") == "expected: <num> | actual: 429 | Messages: second call within the window"
    panic = "panic: runtime error: invalid memory address or nil pointer dereference [recovered]\n\tpanic: x\n"
    text = canonicalize(panic)
    assert (_section(text, "exception"), _section(text, "message")) == (
        "panic",
        "runtime error: invalid memory address or nil pointer dereference",
    )
    # Python's own traceback wins over a word "panic" in it
    traceback = 'Traceback (most recent call last):\n  File "x.py", line 1, in f\nKeyError: 3\n'
    assert _section(canonicalize(traceback), "exception") == "KeyError"


@pytest.mark.parametrize(
    ("line", "exception", "message"),
    [
        ("Brother it is again showing \"in RanFor = pickle.load(f) ModuleNotFoundError: No module named 'x.forest'\"",
         "ModuleNotFoundError", "No module named 'x.forest'"),
        ("**_pickle.UnpicklingError: invalid load key, 'v'.**", "_pickle.UnpicklingError", "invalid load key, 'v'."),
        ("- `test_paths` fails with `UnicodeDecodeError: 'charmap' codec can't decode byte 0x81`",
         "UnicodeDecodeError", "'charmap' codec can't decode byte <hex>"),
        ("  FAILED tests/test_utils.py::TestTask::test_interrupted - RuntimeError: Event loop is closed",
         "RuntimeError", "Event loop is closed"),
        ("tests_1    | E   sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect",
         "sqlalchemy.exc.OperationalError", "(psycopg2.OperationalError) could not connect"),
        # a name without a message after it, or not named like an exception, is prose
        ("Received Event: Error", "", "Received Event: Error"),
        ("the Config: value was wrong", "", "the Config: value was wrong"),
    ],
)  # fmt: skip
def test_console_line_quoting_an_exception_line_gives_its_exception(line: str, exception: str, message: str) -> None:
    """A console line that quotes an exception line inside prose or a runner's report reads as that exception."""
    text = canonicalize(line + "\n")
    assert _section(text, "exception") == exception
    assert _section(text, "message") == message
