"""The JSON contract of ``cluster classify --format json`` and ``POST /v1/classify``: one set of pydantic models.

``cluster schema`` prints the JSON Schema generated from :class:`ClassifyResult`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Neighbour(_Model):
    """One nearby labelled exemplar: why a failure got its answer."""

    id: str = Field(description="Exemplar id in the model's exemplar bank")
    category: str = Field(description="The exemplar's label: a category id or 'other' (an unrelated cause)")
    similarity: float = Field(description="Cosine similarity of the failure to the exemplar, -1..1")
    library: str | None = Field(default=None, description="Library or mechanism the exemplar comes from")


class PlaybookStep(_Model):
    """One debugging step of a category's playbook."""

    step: str
    command: str | None = None


class Failure(_Model):
    """One failing test result and its answer."""

    test: str = Field(description="Test id as the runner names it")
    outcome: str = Field(description="'failed' or 'error' (error: setup/teardown or collection problem)")
    phase: str | None = Field(default=None, description="setup, call or teardown when the format says")
    run: int = Field(description="Index of the results file this failure came from (0-based)")
    source: str = Field(description="The results file (or request part) this failure came from")
    duration: float | None = None
    message: str = Field(description="One-line failure message")
    exception: str | None = Field(default=None, description="Final exception type, when one was found")
    category: str = Field(description="Category id ('1'..'7', user ids) or 'new-<n>' when new")
    category_name: str
    confidence: float = Field(
        ge=0,
        le=1,
        description=(
            "Confidence of the answer, as out of fold: known, P(the category is right); new, P(no known category)"
        ),
    )
    is_new: bool
    cluster: str = Field(description="Id of the cluster this failure belongs to")
    nearest: list[Neighbour] = Field(description="Nearest exemplars, most similar first")


class Cluster(_Model):
    """A group of failures with one answer."""

    id: str
    category: str = Field(description="Category id or 'new-<n>'")
    category_name: str
    is_new: bool
    name: str = Field(description="Readable name: exception type and distinctive words")
    size: int = Field(description="Number of failures in the cluster")
    distinct: int = Field(description="Number of distinct canonical texts in the cluster")
    confidence: float = Field(ge=0, le=1)
    margin: float = Field(description="Probability margin of the best category over the runner-up or 'other'")
    best_known: str = Field(description="The closest known category even when the answer is new")
    best_known_confidence: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="Probability that best_known is right, also when the answer is new (then below the threshold"
        " or behind 'other'): a new cluster's best guess at 0.6 is worth checking first, one at 0.1 is not",
    )
    similarity: float = Field(description="Mean best similarity of the members to the chosen category's exemplars")
    exception: str | None = None
    representative: Failure | None = Field(default=None, description="The most typical member")
    members: list[str] = Field(description="Test ids of the members (with '@run<i>' when several runs)")
    runs: list[int] = Field(description="Runs in which members failed")
    shared_frames: list[str] = Field(description="Stack frames common to every member")
    nearest: list[Neighbour] = Field(description="Nearest exemplars of the representative")
    priority: int | None = Field(default=None, description="Framework fix priority (1 critical .. 3 medium)")
    playbook: list[PlaybookStep] = Field(default_factory=list)


class Summary(_Model):
    """Counts over the whole answer."""

    runs: int
    sources: list[str]
    tests: int
    failures: int
    clusters: int
    known: int = Field(description="Failures given a known category")
    new: int = Field(description="Failures in new-category clusters")
    by_category: dict[str, int] = Field(description="Failures per category id (new ones under 'new')")
    outcomes: dict[str, int] = Field(description="Test results per outcome over all runs")


class ModelInfo(_Model):
    """Which model answered."""

    name: str
    path: str
    format_version: int | None = None
    embedder: str | None = None
    exemplars: int
    training_digest: str | None = None
    clusterer_version: str | None = None


class ClassifyResult(_Model):
    """The whole answer of ``cluster classify``."""

    schema_version: str = SCHEMA_VERSION
    model: ModelInfo
    summary: Summary
    failures: list[Failure]
    clusters: list[Cluster]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`ClassifyResult`."""
    schema = ClassifyResult.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
