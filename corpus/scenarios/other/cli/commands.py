"""Command-line entry points of the inventory tool (argparse, click and typer front-ends)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import click
import typer


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="inventory")
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export")
    export.add_argument("--format", choices=["csv", "json"], default="csv")
    export.add_argument("--since", required=True)
    sub.add_parser("sync").add_argument("--batch-size", type=int, default=100)
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    return 0 if args.command else 1


@click.group()
def cli():
    """Inventory admin commands."""


@cli.command()
@click.option("--warehouse", required=True)
@click.option("--threshold", type=click.IntRange(0, 1000), default=10)
def restock(warehouse: str, threshold: int):
    click.echo(f"restocking {warehouse} below {threshold}")


@cli.command(name="import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_(path: str):
    click.echo(f"imported {path}")


app = typer.Typer()


@app.command()
def prune(days: int, dry_run: bool = typer.Option(False, "--dry-run")):
    if days < 1:
        raise typer.BadParameter("days must be >= 1")
    typer.echo(f"pruning {days} days (dry run: {dry_run})")


@app.command()
def version():
    typer.echo("inventory 2.3.1")


def run_migration_script(script: Path) -> str:
    result = subprocess.run([sys.executable, str(script)], check=True, capture_output=True, text=True)
    return result.stdout


def git_revision(cwd: Path) -> str:
    return subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], cwd=cwd, text=True, stderr=subprocess.STDOUT).strip()


def render_pdf(source: Path, timeout: float = 0.3) -> bytes:
    # the renderer is an external program; here a stand-in that hangs on malformed input
    proc = subprocess.run(
        [sys.executable, "-c", "import sys, time; data = open(sys.argv[1]).read(); time.sleep(5 if '{' in data else 0)", str(source)],
        capture_output=True,
        timeout=timeout,
    )
    return proc.stdout
