"""Errors that the CLI and the service turn into one-line messages and exit codes / HTTP statuses."""

from __future__ import annotations


class ClustererError(Exception):
    """Base class of every error clusterer raises on purpose."""

    exit_code = 1


class InputError(ClustererError):
    """A results file (or request body) that cannot be read: missing, malformed, unknown shape, too big.

    The message is one line and names the source, e.g. ``results.json: malformed JSON at line 3, column 7``.
    """

    exit_code = 2

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}" if source else problem)


class ModelError(ClustererError):
    """A model artefact that is missing, unknown, corrupted or of an unsupported format version."""

    exit_code = 3
