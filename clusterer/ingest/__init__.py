"""Read CI results files into :class:`~clusterer.records.Run` objects.

The format is detected from the content, never from the file name: pytest-json-report, JUnit/xUnit XML
(pytest, Maven Surefire, Jest, go-junit-report, ...), pytest-reportlog JSON lines, or a plain JSON list of
failures. Gzip'd input is read transparently. Every problem with the input raises
:class:`~clusterer.errors.InputError` with a one-line message that names the source.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from clusterer.errors import InputError
from clusterer.ingest.detect import DEFAULT_MAX_BYTES, decode_payload, format_size, parse_payload, parse_text
from clusterer.records import Run

__all__ = ["DEFAULT_MAX_BYTES", "parse_results", "read_results"]


def parse_results(data: bytes, *, source: str, index: int = 0, max_bytes: int = DEFAULT_MAX_BYTES) -> Run:
    """Parse the bytes of a results file (or an HTTP request body) into a :class:`Run`.

    Parameters
    ----------
    data:
        The raw bytes, possibly gzip-compressed.
    source:
        A label for the input (path or request name); every error message starts with it.
    index:
        Position of this run among several, 0-based; copied to ``Run.index`` and ``TestCase.run``.
    max_bytes:
        Largest accepted input, checked on the raw bytes and again on the decompressed bytes.

    Returns
    -------
    Run
        Every test result in file order, with the detected ``format``.

    Raises
    ------
    InputError
        Empty, binary, oversized, malformed or unrecognised input.

    Examples
    --------
    >>> run = parse_results(b'[{"test": "t.py::test_a", "text": "ValueError: boom"}]', source="request")
    >>> run.format, run.failures[0].outcome, run.failures[0].message
    ('failures-json', 'failed', 'ValueError: boom')
    >>> parse_results(b"", source="request")
    Traceback (most recent call last):
    ...
    clusterer.errors.InputError: request: empty file
    """
    return parse_payload(data, source=source, index=index, max_bytes=max_bytes)


def read_results(path: str | os.PathLike[str], *, index: int = 0, max_bytes: int = DEFAULT_MAX_BYTES) -> Run:
    """Read one results file from disk into a :class:`Run`.

    The file's size is checked against ``max_bytes`` before anything is read.

    Parameters
    ----------
    path:
        The results file (any name; the format is detected from its content).
    index:
        Position of this run among the files given, 0-based.
    max_bytes:
        Largest accepted file (and decompressed size for gzip'd files).

    Returns
    -------
    Run
        The parsed run, with ``source`` set to ``str(path)``.

    Raises
    ------
    InputError
        Missing, unreadable, a directory, empty, too big, or not a results file.
    """
    source = os.fspath(path)
    file = Path(source)
    try:
        info = file.stat()
    except FileNotFoundError:
        raise InputError(source, "no such file", kind="unreadable") from None
    except PermissionError:
        raise InputError(source, "permission denied", kind="unreadable") from None
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}", kind="unreadable") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(source, "is a directory, not a results file", kind="unreadable")
    regular = stat.S_ISREG(info.st_mode)
    if regular and info.st_size > max_bytes:
        raise InputError(
            source,
            f"file is too large ({format_size(info.st_size)}; the limit is {format_size(max_bytes)})",
            kind="too_large",
        )
    if regular and info.st_size == 0:
        raise InputError(source, "empty file", kind="malformed")
    try:
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(source, "permission denied", kind="unreadable") from None
    except OSError as exc:
        raise InputError(source, f"cannot read: {exc.strerror or exc}", kind="unreadable") from None
    # what parse_results does, with the raw bytes let go before parsing: the bytes, the text and the parsed
    # objects would otherwise all be alive at once (at 20k failures, 68 MB of the peak)
    text = decode_payload(data, source=source, max_bytes=max_bytes)
    del data
    return parse_text(text, source=source, index=index)
