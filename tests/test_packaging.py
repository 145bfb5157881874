"""A non-editable install (a built wheel) finds its bundled tiny model from any directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_install_classifies_from_another_directory(tmp_path, examples):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    wheel = next(wheels.glob("clusterer-*.whl"))
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import json, sys, clusterer\n"
        "from clusterer.cli import app\n"
        "print(clusterer.__file__, file=sys.stderr)\n"
        "app(['classify', sys.argv[1], '--format', 'json'])\n"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    env.pop("CLUSTERER_MODEL", None)
    env["CLUSTERER_HOME"] = str(tmp_path / "home")  # no registry: the bundled model is the default
    proc = subprocess.run(
        [sys.executable, "-c", code, str(examples / "results.json")],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert str(target) in proc.stderr  # the installed copy ran, not the checkout
    doc = json.loads(proc.stdout)
    assert doc["model"]["path"].startswith(str(target))
    assert doc["summary"]["failures"] == 26
