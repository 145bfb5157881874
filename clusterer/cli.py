"""The ``cluster`` command line: thin commands over the library, one-line errors, documented exit codes.

Exit codes: 0 done; 1 ``--fail-on`` triggered; 2 bad input or usage; 3 model problem.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .errors import ClustererError, InputError, ModelError

app = typer.Typer(
    name="cluster",
    help="Cluster failing tests from CI results files and map each cluster to a known failure category.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_FAIL_ON = 1
EXIT_INPUT = 2
EXIT_MODEL = 3


class Format(StrEnum):
    """Output formats of ``classify``."""

    table = "table"
    json = "json"
    markdown = "markdown"


class FailOn(StrEnum):
    """When ``classify`` exits 1."""

    new = "new"
    any = "any"


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _stdout() -> Console:
    """The console for tables: a CI log is no terminal, so give tables room rather than rich's 80 columns."""
    return Console(width=None if sys.stdout.isatty() else 150)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """Turn clusterer's own errors into ``cluster: error: …`` on stderr and the documented exit code."""
    try:
        yield
    except ModelError as exc:
        _stderr().print(f"cluster: model error: {exc}", markup=False)
        raise typer.Exit(EXIT_MODEL) from None
    except ClustererError as exc:
        _stderr().print(f"cluster: error: {exc}", markup=False)
        raise typer.Exit(EXIT_INPUT) from None


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        tmp = output.with_name(f".{output.name}.tmp-{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, output)
    except OSError as exc:
        raise InputError(str(output), f"cannot write output ({exc.strerror or exc})", kind="unreadable") from None


ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help="Model directory or bundled model name "
        "(default: $CLUSTERER_MODEL, else the registry's active model, else tiny).",
    ),
]


@app.command()
def classify(
    files: Annotated[list[Path], typer.Argument(help="Results files: pytest-json-report, JUnit XML, reportlog.")],
    model: ModelOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead.")] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 when a new category (new) or any failure (any) is found.")
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse results files larger than this (0: the default, 200 MB).")
    ] = 0,
    server: Annotated[
        str | None, typer.Option("--server", help="Upload to a running `cluster serve` at this URL instead.")
    ] = None,
) -> None:
    """Cluster the failures of one or more results files and name their categories.

    Several files are several runs of the same suite; every failure says which run it came from.

    Example: cluster classify results.json --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from .ingest import DEFAULT_MAX_BYTES, read_results
    from .model import Model
    from .pipeline import classify_runs

    with _one_line_errors():
        if server:  # the service's model answers; its bearer token comes from $CLUSTERER_CLASSIFY_TOKEN
            from .service.client import classify_remote

            result = classify_remote(server, files)
        else:
            runs = [read_results(f, index=i, max_bytes=max_bytes or DEFAULT_MAX_BYTES) for i, f in enumerate(files)]
            result = classify_runs(runs, Model.load(model))
        if fmt is Format.json:
            from .report import render_json

            _write(render_json(result), output)
        elif fmt is Format.markdown:
            from .report import render_markdown

            _write(render_markdown(result), output)
        elif output is not None:
            console = Console(record=True, width=160, file=open(os.devnull, "w"))  # noqa: SIM115
            from .report import render_table

            render_table(result, console)
            _write(console.export_text(), output)
        else:
            from .report import render_table

            render_table(result, _stdout())
    if fail_on is FailOn.any and result.summary.failures:
        raise typer.Exit(EXIT_FAIL_ON)
    if fail_on is FailOn.new and result.summary.new:
        raise typer.Exit(EXIT_FAIL_ON)


@app.command()
def categories(
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the failure categories with their debugging playbooks.

    Example: cluster categories --json
    """
    from .model import Model

    with _one_line_errors():
        cats = list(Model.load(model).categories.values())
    if as_json:
        sys.stdout.write(json.dumps([c.to_dict() for c in cats], indent=2) + "\n")
        return
    console = _stdout()
    for c in cats:
        console.print(f"[bold]#{c.id} {c.name}[/bold]  priority {c.priority} · {c.likelihood} · {c.severity}")
        for i, step in enumerate(c.playbook, start=1):
            console.print(
                f"  {i}. {step.step}" + (f"\n     [dim]$ {step.command}[/dim]" if step.command else ""), highlight=False
            )
        console.print()


@app.command()
def schema() -> None:
    """Print the JSON Schema of ``classify --format json`` (and of the service's answer).

    Example: cluster schema > classify.schema.json
    """
    from .schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


@app.command("train-tiny")
def train_tiny(
    corpus: Annotated[Path, typer.Option(help="Folder of labelled JSONL files.")] = Path("corpus/data"),
    split: Annotated[Path, typer.Option(help="Held-out split description (JSON).")] = Path("corpus/split.json"),
    out: Annotated[Path, typer.Option(help="Artefact directory to (re)write atomically.")] = Path("models/tiny"),
) -> None:
    """Rebuild the tiny model from the labelled corpus, reproducibly (same inputs, same bytes).

    Example: cluster train-tiny --corpus corpus/data --out models/tiny
    """
    from .train import read_labelled, split_heldout, train_model

    with _one_line_errors():
        files = sorted(corpus.glob("*.jsonl"))
        if not files:
            raise InputError(str(corpus), "no labelled *.jsonl files", kind="shape")
        rows = read_labelled(files)
        spec = json.loads(split.read_text("utf-8")) if split.is_file() else {"heldout_libraries": {}}
        train, heldout = split_heldout(rows, spec.get("heldout_libraries", {}))
        train_model(train, out, heldout=heldout, split=spec)
    _stderr().print(f"wrote {out}: {len(train)} training rows, {len(heldout)} held out", markup=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    model: ModelOpt = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes; each loads the model once.")] = 1,
) -> None:
    """Run the HTTP service (POST /v1/classify, /healthz, /readyz, /metrics) under uvicorn.

    Needs the service extra (pip install 'clusterer[service]'). Tokens and limits come from the environment:
    CLUSTERER_TOKEN, CLUSTERER_CLASSIFY_TOKEN, CLUSTERER_MAX_BODY, ... (see docs/service.md).

    Example: cluster serve --host 0.0.0.0 --port 8000 --workers 2
    """
    with _one_line_errors():
        from .service.server import serve as run_service

        run_service(host=host, port=port, model=model, workers=workers)


@app.command()
def analyze(
    runs: Annotated[list[Path], typer.Argument(help="Results files (one per run) or folders of them.")],
    coverage: Annotated[
        Path | None, typer.Option("--coverage", help="Cobertura XML (coverage xml); default: one found in a folder.")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the analysis folder (.baseline/, failures/, metrics/, report.html)."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="What to print.")] = Format.table,
    model: ModelOpt = None,
    html: Annotated[
        bool, typer.Option("--html/--no-html", help="Write DIR/report.html (needs clusterer[report]).")
    ] = True,
    outlier_seconds: Annotated[float, typer.Option("--outlier-seconds", help="Slow outlier threshold.")] = 30.0,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse results files larger than this (0: the default, 200 MB).")
    ] = 0,
) -> None:
    """Analyse several runs of a suite: flaky vs deterministic failures, run metrics, categories, fix order.

    Prints the analysis (table, JSON or Markdown for $GITHUB_STEP_SUMMARY); with --out, writes the framework's
    deliverables: .baseline/analysis.md, failures/issue_<n>_<slug>.md, metrics/performance.json, report.html.

    Example: cluster analyze run1.json run2.json run3.json --coverage coverage.xml --out analysis
    """
    from .analysis import analyze as analyze_runs
    from .analysis import expand_run_paths, read_runs
    from .model import Model

    with _one_line_errors():
        files, found_coverage = expand_run_paths(runs)
        coverage = coverage or found_coverage
        loaded_runs = read_runs(files, max_bytes=max_bytes or None)
        summary = None
        if coverage is not None:
            from .cobertura import read_cobertura

            summary = read_cobertura(coverage)
        loaded = Model.load(model)
        result = analyze_runs(loaded_runs, loaded, coverage=summary, outlier_seconds=outlier_seconds)
        if out is not None:
            from .deliverables import write_analysis_folder

            try:
                written = write_analysis_folder(
                    result, loaded_runs, out, categories=loaded.categories, coverage_file=coverage
                )
                if html:
                    from .report_html import write_html_report

                    written.append(write_html_report(result, loaded_runs, loaded, out / "report.html"))
            except OSError as exc:
                raise InputError(
                    str(out), f"cannot write the analysis folder ({exc.strerror or exc})", kind="unreadable"
                ) from None
            _stderr().print(f"wrote {len(written)} files to {out}", markup=False)
        if fmt is Format.json:
            _write(result.model_dump_json(indent=2) + "\n", None)
        elif fmt is Format.markdown:
            from .deliverables import render_summary_markdown

            _write(render_summary_markdown(result), None)
        else:
            from .deliverables import render_analysis_table

            render_analysis_table(result, _stdout())


@app.command("analyze-schema")
def analyze_schema(
    performance: Annotated[
        bool, typer.Option("--performance", help="The schema of metrics/performance.json instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of ``analyze --format json`` (or of metrics/performance.json).

    Example: cluster analyze-schema --performance > performance.schema.json
    """
    from .analysis_schema import analysis_json_schema, performance_json_schema

    schema = performance_json_schema() if performance else analysis_json_schema()
    sys.stdout.write(json.dumps(schema, indent=2) + "\n")


# -- labels, training and the model registry (issue 6) ----------------------------------------------------------

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Label store: a SQLite path or postgresql://… (default: $CLUSTERER_DB or $CLUSTERER_HOME/labels.db).",
    ),
]


def _store(db: str | None):  # type: ignore[no-untyped-def]  # lazy import keeps `cluster classify` light
    from .labels import open_store

    return open_store(db)


def _print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n")


def _read_runs(files: list[Path], max_bytes: int = 0) -> list:
    from .ingest import DEFAULT_MAX_BYTES, read_results

    return [read_results(f, index=i, max_bytes=max_bytes or DEFAULT_MAX_BYTES) for i, f in enumerate(files)]


@app.command()
def label(
    files: Annotated[list[Path], typer.Argument(help="The results files the failures come from.")],
    category: Annotated[str, typer.Option("--category", "-c", help="Category id: 1-7, 'other', or one you added.")],
    test: Annotated[
        list[str] | None, typer.Option("--test", "-t", help="Label this failing test (repeatable).")
    ] = None,
    cluster: Annotated[
        list[str] | None,
        typer.Option("--cluster", "-k", help="Label every member of this cluster of the classify answer (c3 or 3)."),
    ] = None,
    answer: Annotated[
        Path | None,
        typer.Option(
            "--answer",
            help="The saved `classify --format json` answer that --cluster refers to "
            "(default: classify the files again with the same model).",
        ),
    ] = None,
    model: ModelOpt = None,
    db: DbOpt = None,
    by: Annotated[str | None, typer.Option("--by", help="Who labels (default: $CLUSTERER_USER or login).")] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Where the run came from, e.g. a CI run URL (default: the file).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be labelled; store nothing.")] = False,
) -> None:
    """Label failures of a results file: one test (--test) or a whole cluster (--cluster).

    Example: cluster label results.json --cluster c4 --category 8
    """
    with _one_line_errors():
        from .labels import labels_for, select_failures

        if not test and not cluster:
            raise InputError("", "say what to label: --test ID or --cluster K", kind="usage")
        runs = _read_runs(files)
        result = None
        if cluster:
            if answer is not None:
                from .schema import ClassifyResult

                try:
                    result = ClassifyResult.model_validate_json(answer.read_bytes())
                except (OSError, ValueError) as exc:
                    raise InputError(
                        str(answer), f"not a classify --format json answer ({_first(exc)})", kind="shape"
                    ) from None
            else:
                from .model import Model
                from .pipeline import classify_runs

                result = classify_runs(runs, Model.load(model))
        failures = select_failures(runs, tests=test or (), clusters=cluster or (), result=result)
        labels = labels_for(failures, runs, category, source=source, author=by)
        if dry_run:
            for lab in labels:
                sys.stdout.write(f"would label {lab.test} (run {lab.run}) as {lab.category}\n")
            return
        store = _store(db)
        stored = store.add_labels(labels, author=by)
    from .labels import describe_url

    _stderr().print(f"labelled {len(stored)} failure(s) as {category} in {describe_url(store.url)}", markup=False)


def _first(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


labels_app = typer.Typer(help="List, export and import stored labels.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(labels_app, name="labels")


@labels_app.command("list")
def labels_list(
    db: DbOpt = None,
    category: Annotated[str | None, typer.Option("--category", "-c", help="Only this category.")] = None,
    test: Annotated[str | None, typer.Option("--test", "-t", help="Only this test id.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Only the newest N.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List stored labels, oldest first.

    Example: cluster labels list --category 8
    """
    with _one_line_errors():
        labels = _store(db).labels(category=category, test=test, limit=limit)
    if as_json:
        _print_json([{"id": lab.id, **lab.to_dict()} for lab in labels])
        return
    from rich.table import Table

    table = Table(title=f"{len(labels)} label(s)")
    for col in ("id", "category", "test", "by", "when", "source"):
        table.add_column(col)
    for lab in labels:
        table.add_row(str(lab.id), lab.category, lab.test, lab.author, lab.created_at, lab.source)
    _stdout().print(table)


@labels_app.command("export")
def labels_export(
    db: DbOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead.")] = None,
    category: Annotated[str | None, typer.Option("--category", "-c", help="Only this category.")] = None,
) -> None:
    """Export the user's categories and labels as JSON lines.

    Example: cluster labels export -o labels.jsonl
    """
    import io

    with _one_line_errors():
        buf = io.StringIO()
        n = _store(db).export_jsonl(buf, category=category)
        _write(buf.getvalue(), output)
    _stderr().print(f"exported {n} label(s)", markup=False)


@labels_app.command("import")
def labels_import(
    files: Annotated[list[Path], typer.Argument(help="JSONL files written by `cluster labels export`.")],
    db: DbOpt = None,
) -> None:
    """Import labels (and their categories) from JSON lines; labels already stored are skipped.

    Example: cluster labels import labels.jsonl --db postgresql://clusterer@db/clusterer
    """
    with _one_line_errors():
        store = _store(db)
        added = skipped = 0
        for f in files:
            try:
                lines = f.read_text("utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(str(f), f"cannot read ({_first(exc)})", kind="unreadable") from None
            a, s = store.import_jsonl(lines, source=str(f))
            added, skipped = added + a, skipped + s
    _stderr().print(f"imported {added} label(s), {skipped} already stored", markup=False)


# `cluster categories` lists; `cluster categories add` stores a user category.
categories_app = typer.Typer(help="The failure categories: list them, or add your own.", rich_markup_mode=None)
app.registered_commands = [c for c in app.registered_commands if c.callback is not categories]
app.add_typer(categories_app, name="categories")


@categories_app.callback(invoke_without_command=True)
def categories_group(
    ctx: typer.Context,
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the failure categories with their debugging playbooks, or add one (cluster categories add).

    Example: cluster categories --json
    """
    if ctx.invoked_subcommand is not None:
        return
    categories(model=model, as_json=as_json)
    if not as_json:
        from .labels import resolve_db_url

        url = resolve_db_url()
        if url.startswith("postgres") or Path(url).is_file():
            with _one_line_errors():
                from .model import Model

                known = set(Model.load(model).categories)
                pending = [c for c in _store(None).categories() if c.id not in known]
            for c in pending:
                Console().print(
                    f"[bold]#{c.id} {c.name}[/bold]  (in the label store: label failures with it and run "
                    "`cluster train` to use it)",
                    highlight=False,
                )


@categories_app.command("add")
def categories_add(
    category_id: Annotated[str, typer.Argument(metavar="ID", help="The new category's id, e.g. 8.")],
    name: Annotated[str, typer.Option("--name", help="Its name, e.g. 'Decimal JSON serialization'.")],
    playbook: Annotated[
        list[str] | None,
        typer.Option("--playbook", "-p", help="A debugging step, 'STEP' or 'STEP => COMMAND' (repeatable)."),
    ] = None,
    root_cause: Annotated[list[str] | None, typer.Option("--root-cause", help="A root cause (repeatable).")] = None,
    priority: Annotated[int, typer.Option(min=1, max=3, help="Fix priority: 1 critical, 2 high, 3 medium.")] = 3,
    replace: Annotated[bool, typer.Option("--replace", help="Change an existing user category.")] = False,
    db: DbOpt = None,
) -> None:
    """Add a failure category to the label store (it reaches models at the next `cluster train`).

    Example: cluster categories add 8 --name 'Decimal JSON' -p 'Find json.dumps calls => grep -rn json.dumps src'
    """
    from .labels import make_category

    with _one_line_errors():
        cat = make_category(category_id, name, playbook or (), priority=priority, root_causes=root_cause or ())
        _store(db).add_category(cat, replace=replace)
    _stderr().print(f"category {cat.id} ({cat.name}) stored; label failures with --category {cat.id}", markup=False)


@app.command()
def suggest(
    files: Annotated[list[Path], typer.Argument(help="Results files to look at.")],
    model: ModelOpt = None,
    db: DbOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most suggestions shown.")] = 10,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format (table or json).")] = Format.table,
) -> None:
    """Which failures would teach the model most if labelled: disagreements, new clusters, close calls.

    Example: cluster suggest results.json
    """
    from .model import Model
    from .pipeline import classify_runs
    from .suggest import suggest as rank

    with _one_line_errors():
        runs = _read_runs(files)
        loaded = Model.load(model)
        result = classify_runs(runs, loaded)
        from .labels import resolve_db_url

        url = resolve_db_url(db)
        labels = _store(db).labels() if db or url.startswith("postgres") or Path(url).is_file() else []
        hints = rank(runs, loaded, result, labels=labels, files=[str(f) for f in files], limit=limit)
    if fmt is Format.json:
        _print_json([h.to_dict() for h in hints])
        return
    if not hints:
        Console().print("nothing to suggest: every cluster has a clear known answer")
        return
    from rich.table import Table

    table = Table(title=f"{len(hints)} suggestion(s) · model {loaded.name}")
    for col in ("#", "cluster", "kind", "size", "answer", "why", "label with"):
        table.add_column(col, overflow="fold")
    for i, h in enumerate(hints, start=1):
        table.add_row(str(i), h.cluster, h.kind, str(h.size), h.category, f"{h.name}\n{h.reason}", h.command)
    _stdout().print(table)


@app.command()
def train(
    embedder: Annotated[str, typer.Option("--embedder", help="Embedder of the new model (tiny).")] = "tiny",
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the artefact to this folder (atomically) instead of registering it."),
    ] = None,
    db: DbOpt = None,
    activate: Annotated[
        bool, typer.Option("--activate/--no-activate", help="Activate the new version if it is not worse.")
    ] = True,
    force: Annotated[bool, typer.Option("--force", help="Activate even if it scores worse.")] = False,
    tolerance: Annotated[
        float | None,
        typer.Option(
            "--tolerance",
            help="Allowed rise of the cost per failure on the shared held-out data (wrong category 3, declined 1).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the training report as JSON.")] = False,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Labelled JSONL folder instead of the bundled exemplars.")
    ] = None,
    split: Annotated[
        Path | None, typer.Option("--split", help="Held-out split (JSON) of --corpus (default: the bundled one).")
    ] = None,
) -> None:
    """Train a model from the bundled exemplars plus your labels; register (and activate) it.

    Calibrated by grouped cross-validation; evaluated on the shared held-out data and on a held-out slice of your
    labels; the figures go into the manifest. Without --out the model becomes the next version in the registry
    ($CLUSTERER_HOME/models) and is activated unless it scores worse than the active model.

    Example: cluster train && cluster classify results.json
    """
    with _one_line_errors():
        store = _store(db)
        if out is not None:
            from .train import train_from_store

            report = train_from_store(store, out, embedder=embedder, corpus=corpus, split=split)
        else:
            from .registry import DEFAULT_TOLERANCE, train_and_register

            report = train_and_register(
                store,
                embedder=embedder,
                activate=activate,
                force=force,
                tolerance=DEFAULT_TOLERANCE if tolerance is None else tolerance,
                corpus=corpus,
                split=split,
            )
    if as_json:
        _print_json(report)
        return
    err = _stderr()
    labels = report["labels"]
    held = report["evaluation"].get("heldout", {})
    user = report["evaluation"].get("user_heldout")
    where = report.get("id") or report["path"]
    err.print(
        f"trained {where}: {report['rows']} rows ({labels['used']} of your labels, {labels['held_out']} held "
        f"out), categories {' '.join(report['categories'])}",
        markup=False,
    )
    err.print(
        f"shared held-out ({held.get('rows')} failures): macro-F1 {held.get('macro_f1')}, wrong-known rate "
        f"{held.get('wrong_known_rate')}, new precision {held.get('new_precision')}",
        markup=False,
    )
    if user:
        err.print(
            f"your held-out labels ({user.get('rows')}): macro-F1 {user.get('macro_f1')}, accuracy "
            f"{user.get('accuracy_known')}",
            markup=False,
        )
    cmp = report.get("comparison")
    if cmp:
        err.print(
            f"vs {report['previous']}: macro-F1 {cmp['before']['macro_f1']} -> {cmp['after']['macro_f1']}, cost per "
            f"failure {cmp['before']['cost']} -> {cmp['after']['cost']}, "
            f"{cmp['changed_rows']} of {cmp['rows']} held-out answers changed",
            markup=False,
        )
    if report.get("activated"):
        err.print(f"activated {report['id']} (cluster models rollback to undo)", markup=False)
    elif report.get("refused"):
        err.print(f"not activated: {report['refused']}", markup=False)


models_app = typer.Typer(
    help="The model registry: list, show, activate, roll back.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(models_app, name="models")


@models_app.command("list")
def models_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the bundled and registered models; the active one is marked.

    Example: cluster models list
    """
    from .registry import Registry

    with _one_line_errors():
        rows = [e.summary() for e in Registry().entries()]
    if as_json:
        _print_json(rows)
        return
    from rich.table import Table

    table = Table(title="models")
    for col in ("", "id", "categories", "rows", "your labels", "held-out macro-F1", "wrong-known", "path"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            "*" if r["active"] else "",
            r["id"] + (" (bundled)" if r["bundled"] else ""),
            " ".join(str(c) for c in r["categories"]),
            str(r["training_rows"]),
            str(r["user_labels"]),
            str(r["heldout_macro_f1"]),
            str(r["heldout_wrong_known_rate"]),
            r["path"],
        )
    _stdout().print(table)


@models_app.command("show")
def models_show(
    model_id: Annotated[str, typer.Argument(metavar="ID", help="tiny or a version (v3).")] = "",
) -> None:
    """Print a model's manifest (default: the active model) as JSON.

    Example: cluster models show v2
    """
    from .registry import Registry

    with _one_line_errors():
        reg = Registry()
        entry = reg.entry(model_id or reg.active_id())
    _print_json({"id": entry.id, "active": entry.active, "path": str(entry.path), "manifest": entry.manifest})


@models_app.command("activate")
def models_activate(
    model_id: Annotated[str, typer.Argument(metavar="ID", help="tiny or a version (v3).")],
    force: Annotated[bool, typer.Option("--force", help="Activate even if it scores worse.")] = False,
    tolerance: Annotated[
        float | None,
        typer.Option(
            "--tolerance",
            help="Allowed rise of the cost per failure on the shared held-out data (wrong category 3, declined 1).",
        ),
    ] = None,
) -> None:
    """Make a model the default of `cluster classify` and the service; refused if it scores worse.

    Example: cluster models activate v3
    """
    from .registry import DEFAULT_TOLERANCE, Registry

    with _one_line_errors():
        tol = DEFAULT_TOLERANCE if tolerance is None else tolerance
        res = Registry().activate(model_id, force=force, tolerance=tol)
    cmp = res.get("comparison")
    extra = (
        (
            f" (macro-F1 {cmp['before']['macro_f1']} -> {cmp['after']['macro_f1']}, cost per failure "
            f"{cmp['before']['cost']} -> {cmp['after']['cost']}, {cmp['changed_rows']} of "
            f"{cmp['rows']} held-out answers changed)"
        )
        if cmp
        else ""
    )
    verb = "activated" if res.get("changed") else "already active:"
    _stderr().print(f"{verb} {res['active']}{extra}", markup=False)


@models_app.command("rollback")
def models_rollback() -> None:
    """Go back to the model that was active before the last activation.

    Example: cluster models rollback
    """
    from .registry import Registry

    with _one_line_errors():
        res = Registry().rollback()
    _stderr().print(f"rolled back from {res['previous']} to {res['active']}", markup=False)


class EvalFormat(str, Enum):  # noqa: UP042  (same shape as Format)
    """Output formats of ``eval``."""

    table = "table"
    json = "json"


@app.command("eval")
def eval_(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Labelled JSONL files or folders of them; with --labels, results files."),
    ] = None,
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            "-m",
            help="Model directory or bundled model name; repeat it to compare models side by side "
            "(default: $CLUSTERER_MODEL, else the registry's active model, else tiny).",
        ),
    ] = None,
    split: Annotated[Path | None, typer.Option("--split", help="Held-out split description (JSON).")] = None,
    heldout_only: Annotated[
        bool, typer.Option("--heldout-only", help="Evaluate only the rows the split holds out.")
    ] = False,
    labels: Annotated[
        Path | None, typer.Option("--labels", help="Labels keyed by test id; FILES are then results files.")
    ] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = EvalFormat.table,
    gate: Annotated[
        bool,
        typer.Option("--gate", help="Exit 1 if a figure is worse than the model's manifest records (minus tolerance)."),
    ] = False,
    tolerance: Annotated[float, typer.Option("--tolerance", help="Allowed drop for --gate.")] = 0.02,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """Figures of a model on labelled failures: per-category P/R/F1, confusion, macro-F1, wrong-known rate,
    new P/R, ARI of unknown groups, reliability table.

    Without FILES: the bundled corpus, held-out split only (what --gate checks in CI).

    Example: cluster eval corpus/data --split corpus/split.json --heldout-only --model tiny
    Example: cluster eval examples/results/run1.json --labels examples/expected.json
    Example: cluster eval --gate --model tiny
    """
    from .evaluate import evaluate, read_labels, render_comparison, render_text, rows_from_results
    from .evaluate import gate as check_gate
    from .model import Model
    from .train import bundled_corpus, read_labelled, split_heldout

    with _one_line_errors():
        notes: list[str] = []
        if labels is not None:
            if not files:
                raise InputError("--labels", "give the results files to evaluate", kind="usage")
            rows, unlabelled = rows_from_results(files, read_labels(labels))
            if unlabelled:
                notes.append(f"{len(unlabelled)} failures have no label and were skipped (e.g. {unlabelled[0]})")
            source = f"{len(files)} results file(s), labels {labels}"
        else:
            if not files:
                corpus_dir, default_split = bundled_corpus()
                files = [Path(corpus_dir)]
                split = split or Path(default_split)
                heldout_only = True
            paths: list[Path] = []
            for f in files:
                paths += sorted(f.glob("*.jsonl")) if f.is_dir() else [f]
            if not paths:
                raise InputError(str(files[0]), "no labelled *.jsonl files", kind="shape")
            rows = read_labelled(paths)
            source = ", ".join(str(f) for f in files)
            if heldout_only:
                if split is None or not split.is_file():
                    raise InputError(str(split), "--heldout-only needs --split with a split description", kind="usage")
                rows = split_heldout(rows, json.loads(split.read_text("utf-8")).get("heldout_libraries", {}))[1]
                source += f" (held out by {split})"
        if not rows:
            raise InputError(source, "no labelled failures to evaluate", kind="shape")
        results = []
        names: list[str | None] = list(model) if model else [None]
        for name in names:
            loaded = Model.load(name)
            figures = evaluate(loaded, rows)
            failures: list[str] = []
            if gate:
                recorded = loaded.manifest.get("evaluation", {}).get("heldout")
                if not recorded:
                    raise ModelError(f"{loaded.path}: the manifest records no held-out figures to gate on")
                failures = check_gate(figures, recorded, tolerance)
            results.append((loaded, figures, failures))
        if fmt is EvalFormat.json:
            docs = []
            for loaded, figures, failures in results:
                doc = {"model": loaded.info(), "source": source, "figures": figures, "notes": notes}
                if gate:
                    doc["gate"] = {"tolerance": tolerance, "failures": failures, "passed": not failures}
                docs.append(doc)
            out_doc = docs[0] if len(docs) == 1 else {"source": source, "models": docs}
            _write(json.dumps(out_doc, indent=2) + "\n", output)
        else:
            parts = []
            for loaded, figures, failures in results:
                text = render_text(figures, title=f"model {loaded.name} ({loaded.path}) on {source}")
                text += "".join(f"note: {n}\n" for n in notes)
                if gate:
                    text += "\n" + (
                        "gate: passed\n" if not failures else "".join(f"gate: FAILED {f}\n" for f in failures)
                    )
                parts.append(text)
            if len(results) > 1:
                parts.append(render_comparison([(m.name, f) for m, f, _ in results], source))
            _write("\n".join(parts), output)
    if any(failures for _, _, failures in results):
        raise typer.Exit(EXIT_FAIL_ON)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
