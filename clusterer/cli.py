"""The ``cluster`` command line: thin commands over the library, one-line errors, documented exit codes.

Exit codes: 0 done; 1 ``--fail-on`` triggered; 2 bad input or usage; 3 model problem.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
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


class Format(str, Enum):
    """Output formats of ``classify``."""

    table = "table"
    json = "json"
    markdown = "markdown"


class FailOn(str, Enum):
    """When ``classify`` exits 1."""

    new = "new"
    any = "any"


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


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
        raise InputError(str(output), f"cannot write output ({exc.strerror or exc})") from None


ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="Model directory or bundled model name (default: $CLUSTERER_MODEL or tiny)."),
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
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse results files larger than this.")] = 0,
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

            # a CI log is no terminal: give the table room rather than rich's 80-column default
            render_table(result, Console(width=None if sys.stdout.isatty() else 150))
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
    console = Console()
    for c in cats:
        console.print(f"[bold]#{c.id} {c.name}[/bold]  priority {c.priority} · {c.likelihood} · {c.severity}")
        for i, step in enumerate(c.playbook, start=1):
            console.print(f"  {i}. {step.step}" + (f"\n     [dim]$ {step.command}[/dim]" if step.command else ""),
                          highlight=False)
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
            raise InputError(str(corpus), "no labelled *.jsonl files")
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
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse results files larger than this.")] = 0,
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
                written = write_analysis_folder(result, loaded_runs, out, categories=loaded.categories,
                                                coverage_file=coverage)
                if html:
                    from .report_html import write_html_report

                    written.append(write_html_report(result, loaded_runs, loaded, out / "report.html"))
            except OSError as exc:
                raise InputError(str(out), f"cannot write the analysis folder ({exc.strerror or exc})") from None
            _stderr().print(f"wrote {len(written)} files to {out}", markup=False)
        if fmt is Format.json:
            _write(result.model_dump_json(indent=2) + "\n", None)
        elif fmt is Format.markdown:
            from .deliverables import render_summary_markdown

            _write(render_summary_markdown(result), None)
        else:
            from .deliverables import render_analysis_table

            render_analysis_table(result, Console())


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


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
