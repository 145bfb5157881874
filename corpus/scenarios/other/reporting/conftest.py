import shutil
import subprocess
from pathlib import Path

import pytest

from .export import DATA


@pytest.fixture
def rates_fixture():
    with (DATA / "exchange_rates.csv").open() as fh:
        return fh.read()


@pytest.fixture
def archive_dir(tmp_path: Path):
    """A directory the archiver has sealed (immutable), as on the report server."""
    path = tmp_path / "archive"
    path.mkdir()
    subprocess.run(["chattr", "+i", str(path)], check=True)
    yield path
    subprocess.run(["chattr", "-i", str(path)], check=False)
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def run_summary(tmp_path: Path):
    results = []
    yield results
    # write the run summary next to the last published report
    (tmp_path / "published" / "summary.txt").write_text(f"{len(results)} reports\n")
