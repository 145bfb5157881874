"""pytest plugin: ``pytest --cluster`` prints the failures clustered by cause at the end of the session.

Registered through the ``pytest11`` entry point ``clusterer``; it does nothing unless one of its options is
given, and imports the library only at the end of a session that asked for it.

- ``--cluster``: print the clustered summary (clusters, categories, flaky tests, fix order).
- ``--cluster-json PATH``: also write the whole analysis (``cluster analyze --format json``) to PATH.
- ``--cluster-out DIR``: also write the analysis folder (``.baseline/``, ``failures/``, ``metrics/``).
- ``--cluster-runs N``: run each failing test N times in all (N-1 reruns after the session, in the same
  process, fixtures set up afresh); a test that passes on a rerun is flaky, one that fails every time is
  deterministic. The session's outcome and exit status stay those of the first run.
  Order-dependent failures (state leaked by earlier, passing tests) may pass when only the failing tests are
  rerun; ``--cluster-rerun all`` reruns the whole suite in order instead.
- ``--cluster-model NAME``: model directory or bundled name (default ``$CLUSTERER_MODEL`` or ``tiny``).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

import pytest

PLUGIN_NAME = "clusterer-session"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add the ``--cluster*`` options."""
    group = parser.getgroup("cluster", "clusterer: cluster failing tests by cause")
    group.addoption(
        "--cluster",
        action="store_true",
        default=False,
        help="print the failures clustered by cause at the end of the session",
    )
    group.addoption(
        "--cluster-json", metavar="PATH", default=None, help="write the analysis as JSON to PATH (implies --cluster)"
    )
    group.addoption(
        "--cluster-out",
        metavar="DIR",
        default=None,
        help="write the analysis folder (.baseline/, failures/, metrics/) to DIR (implies --cluster)",
    )
    group.addoption(
        "--cluster-runs",
        metavar="N",
        type=int,
        default=1,
        help="run failing tests N times in all to tell flaky from deterministic (implies --cluster)",
    )
    group.addoption(
        "--cluster-rerun",
        choices=("failed", "all"),
        default="failed",
        help="what --cluster-runs reruns: the failing tests (default) or the whole suite in order, "
        "which reproduces order-dependent failures (leaked state) faithfully",
    )
    group.addoption(
        "--cluster-model",
        metavar="MODEL",
        default=None,
        help="clusterer model directory or bundled name (default: $CLUSTERER_MODEL or tiny)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the session collector when asked for and not on an xdist worker."""
    opt = config.option
    wanted = opt.cluster or opt.cluster_json or opt.cluster_out or opt.cluster_runs > 1
    if wanted and not hasattr(config, "workerinput"):
        if opt.cluster_runs < 1:
            raise pytest.UsageError("--cluster-runs must be at least 1")
        config.pluginmanager.register(ClusterSession(config), PLUGIN_NAME)


@dataclass
class _Attempt:
    """The phase reports of one test in one round, folded into an outcome."""

    outcome: str = "passed"
    phase: str | None = None
    duration: float = 0.0
    message: str = ""
    traceback: str = ""
    stdout: str = ""
    stderr: str = ""
    file: str | None = None
    phases: list[str] = field(default_factory=list)


def _message(report: pytest.TestReport) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None and getattr(crash, "message", None):
        return str(crash.message)
    text = report.longreprtext or ""
    for line in reversed(text.splitlines()):
        if line.startswith("E "):
            return line[1:].strip()
    return text.strip().splitlines()[-1] if text.strip() else ""


class ClusterSession:
    """Collects every report of the session (and of the reruns), then analyses them at the end."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.round = 0
        self.rounds: list[dict[str, _Attempt]] = [{}]
        self.items: dict[str, pytest.Item] = {}

    # ------------------------------------------------------------------ collecting
    def _record(self, report: pytest.TestReport) -> None:
        attempts = self.rounds[self.round]
        a = attempts.setdefault(report.nodeid, _Attempt(file=report.location[0] if report.location else None))
        a.duration += float(getattr(report, "duration", 0.0) or 0.0)
        a.phases.append(report.when or "")
        wasxfail = hasattr(report, "wasxfail")
        if report.when == "call":
            if report.failed:
                a.outcome, a.phase = "failed", "call"
            elif report.skipped:
                a.outcome = "xfailed" if wasxfail else "skipped"
            elif wasxfail:
                a.outcome = "xpassed"
        elif report.failed:  # setup or teardown error
            if a.outcome not in ("failed", "error"):
                a.outcome, a.phase = "error", report.when
        elif report.skipped and report.when == "setup":
            a.outcome = "xfailed" if wasxfail else "skipped"
        if report.failed and not a.traceback:
            a.message = _message(report)
            a.traceback = report.longreprtext or ""
        if report.when == "teardown" or report.failed:
            a.stdout = report.capstdout or a.stdout
            a.stderr = report.capstderr or a.stderr

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        """Remember the items so failing ones can be rerun."""
        self.items = {item.nodeid: item for item in items}

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        """A collection error is an ``error`` result of the module."""
        if report.failed and self.round == 0:
            a = self.rounds[0].setdefault(report.nodeid or "<collection>", _Attempt(file=report.nodeid or None))
            a.outcome, a.phase = "error", None
            a.traceback = str(report.longrepr or "")
            a.message = a.traceback.strip().splitlines()[-1] if a.traceback.strip() else "collection error"

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Fold each phase report into the current round."""
        self._record(report)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtestloop(self, session: pytest.Session) -> Generator[None, Any, None]:
        """After the normal loop, rerun the failing tests ``--cluster-runs`` - 1 more times."""
        outcome = yield
        runs = self.config.option.cluster_runs
        if runs <= 1 or outcome.excinfo is not None or session.shouldstop or session.shouldfail:
            return
        from _pytest.runner import runtestprotocol

        if self.config.option.cluster_rerun == "all":
            chosen = list(self.items.values())
        else:
            chosen = [
                self.items[nid]
                for nid, a in self.rounds[0].items()
                if a.outcome in ("failed", "error") and nid in self.items
            ]
        for r in range(1, runs):
            self.round = r
            self.rounds.append({})
            for i, item in enumerate(chosen):
                if hasattr(item, "_initrequest"):
                    item._initrequest()  # fresh fixture request, as pytest-rerunfailures does
                nextitem = chosen[i + 1] if i + 1 < len(chosen) else None
                for report in runtestprotocol(item, nextitem=nextitem, log=False):
                    self._record(report)
        self.round = 0

    # ------------------------------------------------------------------ analysing
    def runs(self) -> list[Any]:
        """The rounds as :class:`~clusterer.records.Run` objects (run 0 = the session, 1.. = reruns)."""
        from clusterer.records import Run, TestCase

        out = []
        for i, attempts in enumerate(self.rounds):
            tests = tuple(
                TestCase(
                    test=nid,
                    outcome=a.outcome,  # type: ignore[arg-type]
                    phase=a.phase,  # type: ignore[arg-type]
                    duration=a.duration,
                    message=a.message,
                    traceback=a.traceback,
                    stdout=a.stdout,
                    stderr=a.stderr,
                    file=a.file,
                    run=i,
                )
                for nid, a in attempts.items()
            )
            label = "pytest session" if i == 0 else f"pytest rerun {i}"
            out.append(Run(source=label, format="pytest-session", tests=tests, index=i))
        return out

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """Print the clustered summary; write the JSON and the folder when asked."""
        tr = terminalreporter
        opt = self.config.option
        tr.write_sep("=", "clusterer: failures by cause")
        runs = self.runs()
        if not runs[0].failures:
            tr.write_line(f"no failures in {len(runs[0].tests)} tests")
            if not opt.cluster_json and not opt.cluster_out:
                return
        try:
            from clusterer.analysis import analyze
            from clusterer.errors import ClustererError
            from clusterer.model import Model
        except ImportError as exc:  # pragma: no cover - broken install
            tr.write_line(f"clusterer: cannot import the library ({exc})", red=True)
            return
        try:
            model = Model.load(opt.cluster_model)
            result = analyze(runs, model)
        except ClustererError as exc:
            tr.write_line(f"clusterer: {exc}", red=True)
            return
        for line in _summary_lines(result, rounds=len(runs)):
            tr.write_line(line)
        if opt.cluster_json:
            from pathlib import Path

            path = Path(opt.cluster_json)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(result.model_dump_json(indent=2) + "\n", encoding="utf-8")
            tr.write_line(f"clusterer: wrote {path}")
        if opt.cluster_out:
            from clusterer.deliverables import write_analysis_folder

            written = write_analysis_folder(result, runs, opt.cluster_out, categories=model.categories)
            tr.write_line(f"clusterer: wrote {len(written)} files to {opt.cluster_out}")


def _summary_lines(result: Any, *, rounds: int) -> list[str]:
    c = result.classification
    flaky = set(result.flaky)
    lines = []
    for cl in c.clusters:
        tests = list(dict.fromkeys(f.test for f in c.failures if f.cluster == cl.id))
        n_flaky = sum(1 for t in tests if t in flaky)
        label = cl.name if cl.is_new else f"#{cl.category} {cl.category_name}"
        prio = f"P{cl.priority - 1}" if cl.priority else "triage"
        lines.append(f"{cl.id} [{prio}] {label}: {len(tests)} test(s)" + (f", {n_flaky} flaky" if n_flaky else ""))
        for t in tests[:10]:
            lines.append(f"    {t}" + ("  (flaky)" if t in flaky else ""))
        if len(tests) > 10:
            lines.append(f"    … and {len(tests) - 10} more")
        if cl.playbook:
            step = cl.playbook[0]
            lines.append(f"    next: {step.step}" + (f": {step.command}" if step.command else ""))
    m = result.metrics.failures
    if rounds > 1:
        lines.append(
            f"{m.failing_tests} failing tests over {rounds} runs: {m.deterministic_failures} deterministic, "
            f"{m.flaky_tests} flaky" + (f" ({', '.join(sorted(flaky))})" if flaky else "")
        )
    else:
        lines.append(
            f"{m.failing_tests} failing tests in {len(c.clusters)} clusters "
            "(--cluster-runs 3 reruns them to tell flaky from deterministic)"
        )
    return lines
