"""From raw bytes to a :class:`Run`: size limits, gzip, text decoding and format detection by content."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib
from typing import Any

import orjson

from clusterer.errors import InputError
from clusterer.ingest import failures_json, junit, pytest_json, reportlog
from clusterer.records import Run

#: Default cap on the size of an input (raw, and again after decompression).
DEFAULT_MAX_BYTES = 200 * 1024 * 1024

_GZIP_MAGIC = b"\x1f\x8b"
_NON_SPACE = re.compile(r"\S")
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
#: Bytes of a JSON text mapped to three classes (digit -> "0", ".eE+" -> ".", anything else -> " "), to find an
#: integer literal of 19 digits or more: orjson reads integers beyond -2**63..2**64-1 as floats, the json module
#: keeps them exact. A fraction's digits follow a "." or a digit, so floats with long fractions do not match.
_NUMBER_CLASSES = bytes(48 if chr(b).isdigit() and b < 128 else 46 if chr(b) in ".eE+" else 32 for b in range(256))
_LONG_INTEGER = b" " + b"0" * 19


def format_size(size: int) -> str:
    """A byte count for people: ``"200 MiB"``, ``"1.5 KiB"``, ``"12 bytes"``.

    Parameters
    ----------
    size:
        Number of bytes.

    Returns
    -------
    str
        The size with a binary unit.
    """
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            if unit == "bytes":
                return f"{size} bytes"
            return f"{value:.1f} {unit}".replace(".0 ", " ")
        value /= 1024
    return f"{size} bytes"  # pragma: no cover - loop always returns


def parse_payload(data: bytes, *, source: str, index: int, max_bytes: int) -> Run:
    """Check, decompress, decode and parse one input.

    Parameters
    ----------
    data:
        Raw bytes of the results file or request body.
    source:
        Label used in error messages and ``Run.source``.
    index:
        Run index, 0-based.
    max_bytes:
        Cap on the raw and on the decompressed size.

    Returns
    -------
    Run
        The parsed run.
    """
    text = decode_payload(data, source=source, max_bytes=max_bytes)
    return parse_text(text, source=source, index=index)


def decode_payload(data: bytes, *, source: str, max_bytes: int) -> str:
    """Turn raw bytes into text: enforce the size cap, gunzip, reject binary data, decode leniently.

    Parameters
    ----------
    data:
        Raw bytes.
    source:
        Label used in error messages.
    max_bytes:
        Cap on the raw and on the decompressed size.

    Returns
    -------
    str
        The decoded text. Bytes that are not valid in the encoding are replaced (U+FFFD), never fatal.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(source, f"expected bytes, got {type(data).__name__}", kind="malformed")
    data = bytes(data)
    if len(data) > max_bytes:
        raise InputError(
            source,
            f"input is too large ({format_size(len(data))}; the limit is {format_size(max_bytes)})",
            kind="too_large",
        )
    if data[:2] == _GZIP_MAGIC:
        data = _gunzip(data, source=source, max_bytes=max_bytes)
    if not data or data.isspace():
        raise InputError(source, "empty file" if not data else "empty file (only whitespace)", kind="malformed")
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return data.decode("utf-16", "replace").lstrip("\ufeff")
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not a text results file", kind="malformed")
    encoding = "utf-8"
    match = _XML_ENCODING.match(data[:300].lstrip())
    if match:
        declared = match.group(1).decode("ascii").lower()
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, "replace")
    return text.lstrip("\ufeff")


def _gunzip(data: bytes, *, source: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"corrupt gzip data ({' '.join(str(exc).split())})", kind="malformed") from None
    if len(out) > max_bytes:
        raise InputError(
            source,
            f"gzip content is too large once decompressed (over the limit of {format_size(max_bytes)})",
            kind="too_large",
        )
    return out


def parse_text(text: str, *, source: str, index: int) -> Run:
    """Detect the format of decoded text and hand it to the matching reader.

    Parameters
    ----------
    text:
        The whole decoded input.
    source:
        Label used in error messages and ``Run.source``.
    index:
        Run index, 0-based.

    Returns
    -------
    Run
        The parsed run.
    """
    found = _NON_SPACE.search(text)
    start = found.group() if found else ""
    if start == "<":
        return _guard("JUnit XML", source, lambda: junit.read_junit(text, source=source, index=index))
    if start in ("{", "[", '"', "-") or start.isdigit():
        return _parse_json(text, source=source, index=index)
    preview = first_preview(text)
    raise InputError(
        source, f"not a results file: expected JSON or XML, found text starting {preview!r}", kind="malformed"
    )


def first_preview(text: str, limit: int = 30) -> str:
    """The start of ``text``'s first non-blank line, cut to ``limit`` characters."""
    stripped = text.lstrip()
    line = stripped.split("\n", 1)[0].strip()
    return line[:limit] + ("..." if len(line) > limit else "")


_SCAN_CHARS = 1 << 20


def _has_long_integer(text: str) -> bool:
    """Whether ``text`` may hold an integer of 19 digits or more (a digit run not after ``.``, ``e`` or a digit).

    Scanned in windows of a million characters that overlap by 20: a whole-text copy would be made three times
    (encoded, prefixed, translated), the peak memory of reading a large file. A run cut by a window's start can
    only answer True (then the json module parses, which is never wrong).

    >>> [_has_long_integer(t) for t in ('[1, 2.5, "x"]', "[1234567890123456789]", "1.2345678901234567890")]
    [False, True, False]
    """
    for lo in range(0, len(text), _SCAN_CHARS):
        window = text[max(0, lo - 20) : lo + _SCAN_CHARS]
        if _LONG_INTEGER in (b" " + window.encode("utf-8", "surrogatepass")).translate(_NUMBER_CLASSES):
            return True
    return False


def _loads(text: str) -> Any:
    """``json.loads(text)``, by orjson (about 3x faster) whenever it gives the same value.

    orjson refuses what the json module accepts (NaN, Infinity, lone surrogates, several documents, very deep
    nesting) and reads integers beyond 64 bits as floats: on any refusal, and for any text with an integer of 19
    digits or more, the json module parses the text, so values, error messages and JSON-lines detection stay
    exactly those of the json module.

    >>> _loads('{"a": [1, 2.5, "x"]}'), _loads("[123456789012345678901234567890]")
    ({'a': [1, 2.5, 'x']}, [123456789012345678901234567890])
    """
    if not _has_long_integer(text):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)


def _parse_json(text: str, *, source: str, index: int) -> Run:
    try:
        value = _loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _first_line_is_object(text):
            return _guard(
                "pytest-reportlog", source, lambda: reportlog.read_reportlog(text, source=source, index=index)
            )
        raise InputError(
            source, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", kind="malformed"
        ) from None
    except RecursionError:
        raise InputError(source, "malformed JSON: nested too deeply", kind="malformed") from None
    except ValueError as exc:
        raise InputError(source, f"malformed JSON: {exc}", kind="malformed") from None
    return _dispatch_json(value, text=text, source=source, index=index)


def _first_line_is_object(text: str) -> bool:
    """True when the first non-blank line is a JSON object on its own: JSON lines, not one broken document."""
    found = _NON_SPACE.search(text)
    start = found.start() if found else 0
    end = text.find("\n", start)
    try:
        return isinstance(json.loads(text[start : end if end != -1 else len(text)]), dict)
    except (ValueError, RecursionError):
        return False


def _dispatch_json(value: Any, *, text: str, source: str, index: int) -> Run:
    if isinstance(value, list):
        return _guard("failures JSON", source, lambda: failures_json.read_failures(value, source=source, index=index))
    if not isinstance(value, dict):
        raise InputError(
            source, f"JSON {type(value).__name__} is not a results file (expected an object or a list)", kind="shape"
        )
    if "$report_type" in value:
        return _guard("pytest-reportlog", source, lambda: reportlog.read_reportlog(text, source=source, index=index))
    if "tests" in value:
        return _guard(
            "pytest-json-report", source, lambda: pytest_json.read_pytest_json(value, source=source, index=index)
        )
    if "failures" in value:
        return _guard("failures JSON", source, lambda: failures_json.read_failures(value, source=source, index=index))
    keys = ", ".join(repr(k) for k in list(value)[:5]) or "no keys"
    raise InputError(
        source,
        f"JSON object without 'tests' is not a pytest-json-report, pytest-reportlog or failures list (keys: {keys})",
        kind="shape",
    )


def _guard(kind: str, source: str, read: Any) -> Run:
    """Run a reader, turning an unexpected shape deep inside the document into a one-line InputError."""
    try:
        run: Run = read()
    except InputError:
        raise
    except RecursionError:
        raise InputError(source, f"{kind} is nested too deeply", kind="shape") from None
    except (KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
        detail = " ".join(str(exc).split())[:200]
        raise InputError(
            source, f"{kind} has an unexpected shape ({type(exc).__name__}: {detail})", kind="shape"
        ) from None
    return run
