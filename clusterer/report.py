"""Render a :class:`~clusterer.schema.ClassifyResult`: rich table, Markdown (GitHub summaries), JSON."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .schema import ClassifyResult, Cluster


def _category_cell(c: Cluster) -> str:
    return f"NEW · {c.name.removeprefix('new: ')}" if c.is_new else f"#{c.category} {c.category_name}"


def _first_step(c: Cluster) -> str:
    if c.is_new:
        guess = f"best guess: #{c.best_known} at {c.best_known_confidence:.2f}, sim {c.similarity:.2f}"
        hint = f" ({guess})" if c.nearest else ""
        return f"Unknown cause: label it to teach the model{hint}"
    if not c.playbook:
        return ""
    s = c.playbook[0]
    return f"{s.step}: {s.command}" if s.command else s.step


def render_table(result: ClassifyResult, console: Console) -> None:
    """Print the clusters as a rich table sorted by size, then a one-line summary."""
    s = result.summary
    if s.failures == 0:
        console.print(f"no failures in {s.tests} tests ({', '.join(s.sources)})")
        return
    table = Table(
        title=f"{s.failures} failures in {s.clusters} clusters · model {result.model.name}",
        show_lines=True,
        expand=True,
    )
    table.add_column("cluster", no_wrap=True)
    table.add_column("category", ratio=3)
    table.add_column("size", justify="right", no_wrap=True)
    table.add_column("conf.", justify="right", no_wrap=True)
    # fold, never ellipsize: a test id and a command are only useful whole (they get copied into a terminal)
    table.add_column("representative test · message", ratio=5, overflow="fold")
    table.add_column("next step", ratio=4, overflow="fold")
    for c in result.clusters:
        rep = c.representative
        rep_text = Text(rep.test if rep else "", style="bold")
        if rep and rep.message:
            rep_text.append("\n" + rep.message[:300])
        style = "yellow" if c.is_new else ""
        table.add_row(
            c.id, Text(_category_cell(c), style=style), str(c.size), f"{c.confidence:.2f}", rep_text, _first_step(c)
        )
    console.print(table)
    by = ", ".join(f"#{k}: {v}" if k != "new" else f"new: {v}" for k, v in s.by_category.items())
    console.print(f"{s.failures} failures · {s.known} in known categories · {s.new} new · {by}")


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("`", "'")


def render_markdown(result: ClassifyResult) -> str:
    """A Markdown summary that fits ``$GITHUB_STEP_SUMMARY`` or a PR comment."""
    s = result.summary
    lines = ["## Test failures by cause", ""]
    if s.failures == 0:
        lines.append(f"No failures in {s.tests} tests.")
        return "\n".join(lines) + "\n"
    lines.append(
        f"**{s.failures} failures** in {s.tests} tests ({s.runs} run{'s' if s.runs != 1 else ''}) → "
        f"**{s.clusters} clusters**: {s.known} in known categories, {s.new} in new ones. "
        f"Model `{result.model.name}`."
    )
    lines += [
        "",
        "| cluster | category | size | confidence | representative | next step |",
        "|---|---|---:|---:|---|---|",
    ]
    for c in result.clusters:
        rep = c.representative
        rep_cell = f"`{_md_escape(rep.test)}`<br>{_md_escape(rep.message[:300])}" if rep else ""
        lines.append(
            f"| {c.id} | {_md_escape(_category_cell(c))} | {c.size} | {c.confidence:.2f} | {rep_cell} | "
            f"{_md_escape(_first_step(c))} |"
        )
    lines.append("")
    for c in result.clusters:
        lines.append(f"<details><summary>{c.id} · {_md_escape(_category_cell(c))} · {c.size} failing</summary>")
        lines.append("")
        if c.exception:
            lines.append(
                f"Exception `{c.exception}`"
                + (f"; frames shared by all: `{' → '.join(c.shared_frames)}`" if c.shared_frames else "")
            )
            lines.append("")
        if c.playbook:
            lines.append("Playbook:")
            for step in c.playbook:
                lines.append(f"1. {step.step}" + (f": `{step.command}`" if step.command else ""))
            lines.append("")
        if c.nearest:
            near = ", ".join(f"{n.id} (#{n.category}, {n.similarity:.2f})" for n in c.nearest[:3])
            lines.append(f"Nearest exemplars: {near}")
            lines.append("")
        shown = c.members[:20]
        lines += [f"- `{_md_escape(m)}`" for m in shown]
        if len(c.members) > len(shown):
            lines.append(f"- … and {len(c.members) - len(shown)} more")
        lines += ["", "</details>", ""]
    return "\n".join(lines)


def render_json(result: ClassifyResult) -> str:
    """The JSON contract (see ``cluster schema``)."""
    return result.model_dump_json(indent=2) + "\n"
