"""Errors that the CLI and the service turn into one-line messages and exit codes / HTTP statuses."""

from __future__ import annotations

from typing import Literal


class ClustererError(Exception):
    """Base class of every error clusterer raises on purpose."""

    exit_code = 1


#: What is wrong with an input, said where the error is raised (the service's HTTP status follows from it):
#: ``malformed`` bytes that are not well-formed (bad JSON/XML, empty, binary, corrupt gzip, XML DTDs/entities);
#: ``shape`` well-formed input of an unknown or wrong shape; ``too_large`` over a size or count limit;
#: ``unreadable`` a path that is missing, a directory, or cannot be read or written; ``usage`` arguments that do
#: not say what to do.
InputKind = Literal["malformed", "shape", "too_large", "unreadable", "usage"]

#: The HTTP status of each kind of input problem.
HTTP_STATUS: dict[str, int] = {"malformed": 400, "shape": 422, "too_large": 413, "unreadable": 400, "usage": 400}


class InputError(ClustererError):
    """A results file (or request body) that cannot be read: missing, malformed, unknown shape, too big.

    The message is one line and names the source, e.g. ``results.json: malformed JSON at line 3, column 7``.
    ``kind`` says which of :data:`InputKind` it is; every raise site sets it.

    >>> err = InputError("request", "malformed JSON at line 1, column 2: Expecting value", kind="malformed")
    >>> str(err), err.kind, err.http_status
    ('request: malformed JSON at line 1, column 2: Expecting value', 'malformed', 400)
    """

    exit_code = 2

    def __init__(self, source: str, problem: str, *, kind: InputKind = "shape") -> None:
        self.source = source
        self.problem = problem
        self.kind: InputKind = kind
        super().__init__(f"{source}: {problem}" if source else problem)

    @property
    def http_status(self) -> int:
        """400 malformed (or unreadable, usage), 413 too large, 422 unknown shape."""
        return HTTP_STATUS[self.kind]


class ModelError(ClustererError):
    """A model artefact that is missing, unknown, corrupted or of an unsupported format version."""

    exit_code = 3
