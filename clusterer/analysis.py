"""``analyze``: several runs in, per-test histories + flaky verdicts + metrics + clustered failures out.

The multi-run counterpart of :func:`clusterer.pipeline.classify_runs`: it classifies every failure of every run
with the same model, then adds what only several runs can tell (which tests are flaky), the framework's run
metrics, coverage, and the prioritized fix order.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .analysis_schema import AnalysisResult, ClusterFlakiness, CoverageSummary, FixItem, TestHistory
from .errors import InputError
from .records import Run
from .runs import OUTLIER_SECONDS, attach_categories, fix_priority, merge_runs, performance_metrics
from .schema import ClassifyResult

#: File name endings read as results files when a folder is given, by preference when one run is stored in
#: several formats (``run1.json`` and ``run1.xml``): the first ending present wins.
RESULT_SUFFIXES = (".json", ".json.gz", ".xml", ".xml.gz", ".jsonl", ".jsonl.gz")


def _natural(name: str) -> list[Any]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]


def _stem(name: str) -> str:
    """``run1.reportlog.jsonl`` -> ``run1``."""
    return name.split(".", 1)[0]


def expand_run_paths(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], Path | None]:
    """Turn the command line's files and folders into run files, and find a coverage file in the folders.

    A folder contributes its results files in natural order (``run2`` before ``run10``), one per stem: when a
    run is stored in several formats (``run1.json``, ``run1.xml``, ``run1.reportlog.jsonl``) the first of
    :data:`RESULT_SUFFIXES` is read. Hidden files and files whose name contains ``coverage`` are skipped; the
    first ``coverage*.xml`` of a folder is returned as the coverage file.

    Raises
    ------
    InputError
        A path that does not exist, or a folder with no results files.
    """
    files: list[Path] = []
    coverage: Path | None = None
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            if not path.exists():
                raise InputError(str(path), "no such file or folder", kind="unreadable")
            files.append(path)
            continue
        by_stem: dict[str, Path] = {}
        for child in sorted(path.iterdir(), key=lambda p: _natural(p.name)):
            name = child.name
            if name.startswith(".") or not child.is_file():
                continue
            if "coverage" in name.lower():
                if coverage is None and name.lower().endswith(".xml"):
                    coverage = child
                continue
            rank = next((i for i, s in enumerate(RESULT_SUFFIXES) if name.lower().endswith(s)), None)
            if rank is None:
                continue
            held = by_stem.get(_stem(name))
            if held is None or rank < next(i for i, s in enumerate(RESULT_SUFFIXES) if held.name.lower().endswith(s)):
                by_stem[_stem(name)] = child
        found = sorted(by_stem.values(), key=lambda p: _natural(p.name))
        if not found:
            raise InputError(str(path), "folder holds no results files (*.json, *.xml, *.jsonl)", kind="shape")
        files.extend(found)
    return files, coverage


def read_runs(paths: Sequence[str | os.PathLike[str]], *, max_bytes: int | None = None) -> list[Run]:
    """Read each results file as one run, in order."""
    from .ingest import DEFAULT_MAX_BYTES, read_results

    return [read_results(p, index=i, max_bytes=max_bytes or DEFAULT_MAX_BYTES) for i, p in enumerate(paths)]


def _cluster_flakiness(histories: Sequence[TestHistory], result: ClassifyResult) -> list[ClusterFlakiness]:
    flaky = {h.test for h in histories if h.flaky}
    out = []
    for c in result.clusters:
        tests = list(dict.fromkeys(f.test for f in result.failures if f.cluster == c.id))
        out.append(
            ClusterFlakiness(
                cluster=c.id,
                category=c.category,
                tests=tests,
                flaky_tests=[t for t in tests if t in flaky],
                deterministic_tests=[t for t in tests if t not in flaky],
                runs=c.runs,
            )
        )
    return out


def slugify(text: str, *, limit: int = 40) -> str:
    """A file-name-safe slug.

    >>> slugify("new: TypeError · can't compare offset")
    'new-typeerror-can-t-compare-offset'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "category"


def issue_document(category: str, name: str, slug: str | None = None) -> str:
    """Relative path of a category's issue document: ``failures/issue_<n>_<slug>.md``.

    >>> issue_document("1", "ML model loading failure", "ml_models")
    'failures/issue_1_ml_models.md'
    >>> issue_document("new-2", "new: TypeError · decimal json")
    'failures/issue_new-2_typeerror-decimal-json.md'
    """
    if slug is None:
        slug = slugify(name.removeprefix("new: "))
    return f"failures/issue_{category}_{slug}.md"


def fix_order(result: ClassifyResult, histories: Sequence[TestHistory], slugs: Mapping[str, str]) -> list[FixItem]:
    """Categories present, in the order to fix them: P0 → P1 → P2 → new (triage); more failing tests first."""
    flaky = {h.test for h in histories if h.flaky}
    per: dict[str, dict[str, Any]] = {}
    for c in result.clusters:
        e = per.setdefault(
            c.category,
            {
                "priority": c.priority,
                "name": c.category_name if not c.is_new else c.name,
                "tests": set(),
                "failures": 0,
            },
        )
        e["failures"] += c.size
    for f in result.failures:
        per[f.category]["tests"].add(f.test)
    ranked = sorted(
        per.items(), key=lambda kv: (kv[1]["priority"] or 9, -len(kv[1]["tests"]), -kv[1]["failures"], kv[0])
    )
    return [
        FixItem(
            rank=i + 1,
            fix_priority=fix_priority(e["priority"]),
            category=cat,
            name=e["name"],
            tests=len(e["tests"]),
            failures=e["failures"],
            flaky_tests=len(e["tests"] & flaky),
            document=issue_document(cat, e["name"], slugs.get(cat)),
        )
        for i, (cat, e) in enumerate(ranked)
    ]


def analyze(
    runs: Sequence[Run],
    model: Any,
    *,
    coverage: CoverageSummary | None = None,
    outlier_seconds: float = OUTLIER_SECONDS,
    result: ClassifyResult | None = None,
) -> AnalysisResult:
    """Analyse several runs of one suite.

    Parameters
    ----------
    runs:
        The runs in order (run ``i`` is ``runs[i]``).
    model:
        A loaded :class:`clusterer.model.Model`.
    coverage:
        Coverage summary (:func:`clusterer.cobertura.read_cobertura`) to include in the metrics.
    outlier_seconds:
        Threshold of slow outliers.
    result:
        A classification of the same runs already computed (otherwise computed here).

    Returns
    -------
    AnalysisResult
    """
    if result is None:
        from .pipeline import classify_runs

        result = classify_runs(runs, model)
    histories = attach_categories(merge_runs(runs), result)
    metrics = performance_metrics(runs, histories, result, coverage=coverage, outlier_seconds=outlier_seconds)
    slugs = {cid: c.slug for cid, c in getattr(model, "categories", {}).items()}
    return AnalysisResult(
        tests=histories,
        flaky=[h.test for h in histories if h.flaky],
        metrics=metrics,
        classification=result,
        cluster_flakiness=_cluster_flakiness(histories, result),
        fix_order=fix_order(result, histories, slugs),
    )
