"""The known failure categories (#1-#7 of the test-failure-analysis framework) and their playbooks.

Categories are data: ``clusterer/data/categories.json`` holds the framework's seven; a model artefact carries
the categories it was trained with (users add #8 and later by labelling), so the model's copy wins when present.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class PlaybookStep:
    """One debugging step: what to do and, when there is one, the command that does it."""

    step: str
    command: str | None = None


@dataclass(frozen=True, slots=True)
class Category:
    """A failure category with the framework's root causes and debugging playbook.

    ``priority`` is the framework's fix priority (1 = critical, 2 = high, 3 = medium).
    """

    id: str
    name: str
    slug: str
    priority: int
    likelihood: str = ""
    severity: str = ""
    root_causes: tuple[str, ...] = ()
    playbook: tuple[PlaybookStep, ...] = ()

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Category:
        """Build a category from its JSON form (the shape of ``categories.json``)."""
        return cls(
            id=str(raw["id"]),
            name=str(raw["name"]),
            slug=str(raw.get("slug") or raw["id"]),
            priority=int(raw.get("priority", 3)),
            likelihood=str(raw.get("likelihood", "")),
            severity=str(raw.get("severity", "")),
            root_causes=tuple(raw.get("root_causes", ())),
            playbook=tuple(PlaybookStep(s["step"], s.get("command")) for s in raw.get("playbook", ())),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of this category (inverse of :meth:`from_dict`)."""
        return {
            "id": self.id,
            "name": self.name,
            "slug": self.slug,
            "priority": self.priority,
            "likelihood": self.likelihood,
            "severity": self.severity,
            "root_causes": list(self.root_causes),
            "playbook": [{"step": s.step, "command": s.command} for s in self.playbook],
        }

    @property
    def first_step(self) -> str:
        """The playbook's first step as one line (with its command when it has one)."""
        if not self.playbook:
            return ""
        s = self.playbook[0]
        return f"{s.step}: {s.command}" if s.command else s.step


@cache
def builtin_categories() -> tuple[Category, ...]:
    """The framework's seven categories, from the packaged ``categories.json``.

    Returns
    -------
    tuple of Category, ordered by id.
    """
    raw = json.loads(resources.files("clusterer").joinpath("data/categories.json").read_text("utf-8"))
    return tuple(Category.from_dict(c) for c in raw["categories"])
