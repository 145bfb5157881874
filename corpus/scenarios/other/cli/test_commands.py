from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner as ClickRunner
from typer.testing import CliRunner as TyperRunner

from .commands import app, cli, git_revision, main, render_pdf, run_migration_script


# --- CLI usage errors ----------------------------------------------------------------------

@pytest.mark.failure(category="other", library="argparse", dist=None, shape="raised", cause="cli-usage-error")
def test_export_defaults_to_csv():
    assert main(["export"]) == 0


@pytest.mark.failure(category="other", library="argparse", dist=None, shape="raised", cause="cli-usage-error")
def test_export_as_xlsx():
    assert main(["export", "--format", "xlsx", "--since", "2024-01-01"]) == 0


@pytest.mark.failure(category="other", library="click", shape="assert", cause="cli-usage-error")
def test_restock_command():
    result = ClickRunner().invoke(cli, ["restock", "--warehouse", "lyon", "--threshold", "5000"])
    assert result.exit_code == 0, result.output


@pytest.mark.failure(category="other", library="click", shape="assert", cause="cli-usage-error")
def test_import_command_reads_file(tmp_path):
    result = ClickRunner().invoke(cli, ["import", str(tmp_path / "stock.csv")])
    assert result.exit_code == 0
    assert "imported" in result.output


@pytest.mark.failure(category="other", library="typer", shape="assert", cause="cli-usage-error")
def test_prune_dry_run():
    result = TyperRunner().invoke(app, ["prune", "--days", "30", "--dry-run"])
    assert result.exit_code == 0, result.output


@pytest.mark.failure(category="other", library="typer", shape="assert", cause="cli-usage-error")
def test_prune_rejects_zero_days():
    result = TyperRunner().invoke(app, ["prune", "0"])
    assert "days must be >= 1" in result.output
    assert result.exit_code == 1


# --- subprocess non-zero exit --------------------------------------------------------------

@pytest.mark.failure(category="other", library="subprocess", dist=None, shape="raised", cause="subprocess-nonzero-exit")
def test_run_migration_script(tmp_path):
    script = tmp_path / "0005_add_sku_index.py"
    script.write_text(textwrap.dedent("""
        import sys
        print("adding index on sku")
        sys.exit("index already exists: ix_items_sku")
    """))
    assert "adding index" in run_migration_script(script)


@pytest.mark.failure(category="other", library="subprocess", dist=None, shape="raised", cause="subprocess-nonzero-exit")
def test_build_info_contains_git_revision(tmp_path):
    # the release tarball is not a git checkout
    assert len(git_revision(tmp_path)) == 7


@pytest.mark.failure(category="other", library="subprocess", dist=None, shape="assert", cause="subprocess-nonzero-exit")
def test_cli_entrypoint_help():
    proc = subprocess.run([sys.executable, "-m", "inventory_cli", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.failure(category="other", library="subprocess", dist=None, shape="chained", cause="subprocess-nonzero-exit")
def test_thumbnail_tool_wrapper(tmp_path):
    class ThumbnailError(RuntimeError):
        pass

    try:
        subprocess.run([sys.executable, "-c", "import sys; sys.stderr.write('unsupported image type\\n'); sys.exit(3)"],
                       check=True, capture_output=True)
    except subprocess.CalledProcessError as exc:
        raise ThumbnailError(f"thumbnail tool failed: {exc.stderr.decode().strip()}") from exc


# --- subprocess timeouts -------------------------------------------------------------------

@pytest.mark.failure(category="other", library="subprocess", dist=None, shape="raised", cause="subprocess-timeout")
def test_render_invoice_pdf(tmp_path):
    source = tmp_path / "invoice.tex"
    source.write_text("\\begin{document} {unbalanced \\end{document}")
    assert render_pdf(source) == b""


@pytest.mark.failure(category="other", library="subprocess", dist=None, shape="raised", cause="subprocess-timeout")
def test_report_job_communicate(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", "import time; print('exporting', flush=True); time.sleep(3)"], stdout=subprocess.PIPE)
    try:
        out, _ = proc.communicate(timeout=0.3)
    finally:
        proc.kill()
        proc.wait()
    assert out.startswith(b"exporting")


@pytest.mark.failure(category="other", library="subprocess", dist=None, shape="raised", cause="subprocess-timeout")
def test_wait_for_backup_process():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3)"])
    try:
        assert proc.wait(timeout=0.2) == 0
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="asyncio.subprocess", dist=None, shape="async", cause="subprocess-timeout")
async def test_async_image_optimiser():
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "import time; time.sleep(3)", stdout=asyncio.subprocess.PIPE)
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout=0.2)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert out == b""
