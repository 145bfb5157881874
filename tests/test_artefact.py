"""Artefact files: checksums verified on load, no pickle, atomic replacement, one-line errors."""

import json
import os
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

from clusterer.errors import ModelError
from clusterer.model import (
    FORMAT_VERSION,
    MANIFEST,
    atomic_directory,
    read_artefact,
    resolve_model_path,
    sweep_abandoned,
    write_artefact,
)


@pytest.fixture
def artefact(tmp_path):
    path = tmp_path / "m"
    write_artefact(
        path,
        {"name": "m"},
        {"params": {"a": 1}},
        {"weights": np.arange(6, dtype=np.float32).reshape(2, 3)},
        [{"id": "e1", "category": "1", "text": "x"}],
    )
    return path


def test_round_trip(artefact):
    art = read_artefact(artefact)
    assert art.manifest["format_version"] == FORMAT_VERSION
    assert set(art.manifest["files"]) == {"params.json", "weights.npy", "exemplars.jsonl"}
    np.testing.assert_array_equal(art.arrays["weights"], np.arange(6, dtype=np.float32).reshape(2, 3))
    assert art.documents["params"] == {"a": 1}
    assert art.exemplars[0]["id"] == "e1"


def test_same_inputs_same_bytes(tmp_path, artefact):
    again = tmp_path / "again"
    write_artefact(
        again,
        {"name": "m"},
        {"params": {"a": 1}},
        {"weights": np.arange(6, dtype=np.float32).reshape(2, 3)},
        [{"id": "e1", "category": "1", "text": "x"}],
    )
    for name in os.listdir(artefact):
        assert (artefact / name).read_bytes() == (again / name).read_bytes(), name


def test_checksum_mismatch_names_the_file(artefact):
    with (artefact / "weights.npy").open("r+b") as fh:
        fh.seek(-1, os.SEEK_END)
        fh.write(b"\x01")
    with pytest.raises(ModelError, match=r"weights\.npy: checksum mismatch"):
        read_artefact(artefact)


def test_missing_file(artefact):
    (artefact / "params.json").unlink()
    with pytest.raises(ModelError, match=r"params\.json: missing"):
        read_artefact(artefact)


def test_unlisted_data_file_is_refused(artefact):
    np.save(artefact / "extra.npy", np.zeros(2))
    with pytest.raises(ModelError, match="not listed"):
        read_artefact(artefact)


def test_newer_format_version_is_refused(artefact):
    m = json.loads((artefact / MANIFEST).read_text())
    m["format_version"] = FORMAT_VERSION + 1
    (artefact / MANIFEST).write_text(json.dumps(m))
    with pytest.raises(ModelError, match="newer than this clusterer reads"):
        read_artefact(artefact)


def test_pickled_array_is_never_loaded(artefact):
    # a valid-checksum object array: np.load must refuse it rather than unpickle
    np.save(artefact / "weights.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    m = json.loads((artefact / MANIFEST).read_text())
    import hashlib

    m["files"]["weights.npy"] = hashlib.sha256((artefact / "weights.npy").read_bytes()).hexdigest()
    (artefact / MANIFEST).write_text(json.dumps(m))
    with pytest.raises(ModelError, match="unreadable"):
        read_artefact(artefact)


def test_unknown_model_name():
    with pytest.raises(ModelError, match="unknown model 'nope'"):
        resolve_model_path("nope")


def test_directory_without_manifest(tmp_path):
    with pytest.raises(ModelError, match=r"no manifest\.json"):
        resolve_model_path(tmp_path)


def test_failed_write_leaves_previous_artefact(artefact):
    before = {p.name: p.read_bytes() for p in artefact.iterdir()}
    with pytest.raises(RuntimeError), atomic_directory(artefact) as tmp:
        (tmp / "half.npy").write_bytes(b"half")
        raise RuntimeError("crash mid-write")
    assert {p.name: p.read_bytes() for p in artefact.iterdir()} == before
    assert [p.name for p in artefact.parent.iterdir() if p.name.startswith(".")] == []


def test_killed_write_leaves_previous_artefact(artefact):
    before = {p.name: p.read_bytes() for p in artefact.iterdir()}
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from clusterer.model import atomic_directory
        with atomic_directory(Path({str(artefact)!r})) as tmp:
            (tmp / "half.npy").write_bytes(b"half")
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], check=False)
    assert proc.returncode == -9
    assert {p.name: p.read_bytes() for p in artefact.iterdir()} == before
    read_artefact(artefact)  # still verifies


_KILL_ON_SWAP = """
import os, signal, sys
from pathlib import Path
import numpy as np
import clusterer.model as m
target = Path(sys.argv[1])
if sys.argv[2] == "no-swap":
    m._exchange = lambda a, b: False  # an OS without an atomic swap: two renames
real_replace, real_exchange = os.replace, m._exchange
def replace(src, dst):
    real_replace(src, dst)
    if Path(src) == target:  # the old version is moved aside and the new one is not in place yet
        os.kill(os.getpid(), signal.SIGKILL)
def exchange(a, b):
    done = real_exchange(a, b)
    if done:
        os.kill(os.getpid(), signal.SIGKILL)  # swapped, the previous version not yet removed
    return done
os.replace, m._exchange = replace, exchange
m.write_artefact(target, {"name": "new"}, {"params": {"a": 2}}, {"weights": np.zeros(2, dtype=np.float32)}, [])
"""


@pytest.mark.parametrize("swap", ["swap", "no-swap"])
def test_killed_during_the_final_move_leaves_old_or_new_never_nothing(artefact, swap):
    """A kill at the instant of replacement: with an atomic swap the folder is the whole new artefact; without
    one (two renames) the next load moves the previous one back. Never a missing model."""
    proc = subprocess.run([sys.executable, "-c", _KILL_ON_SWAP, str(artefact), swap], check=False)
    assert proc.returncode == -9
    if swap == "no-swap":
        assert not artefact.exists()
        assert sorted(p.name[:7] for p in artefact.parent.iterdir()) == [".m.old-", ".m.tmp-"]
    art = read_artefact(resolve_model_path(artefact))
    assert art.manifest["name"] == ("new" if swap == "swap" else "m")
    write_artefact(artefact, {"name": "after"}, {"params": {}}, {}, [])  # the next write leaves the killed one's
    assert read_artefact(artefact).manifest["name"] == "after"  # temporary folder while it is young (sweep_abandoned)
    assert [p.name[:7] for p in artefact.parent.iterdir() if p.name.startswith(".m.")] == [".m.tmp-"]


def test_model_card_survives_a_rewrite_and_is_not_checksummed(artefact):
    (artefact / "README.md").write_text("# card\n")
    write_artefact(artefact, {"name": "m"}, {"params": {"a": 2}}, {"weights": np.zeros(2, dtype=np.float32)}, [])
    assert (artefact / "README.md").read_text() == "# card\n"
    art = read_artefact(artefact)
    assert "README.md" not in art.manifest["files"] and art.documents["params"] == {"a": 2}


def _age(path, seconds=3600):
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_a_killed_writers_temporary_folder_is_removed_by_a_later_write_once_it_is_old(artefact):
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from clusterer.model import atomic_directory
        with atomic_directory(Path({str(artefact)!r})) as tmp:
            (tmp / "half.npy").write_bytes(b"half" * 1000)
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == -9
    (left,) = [p for p in artefact.parent.iterdir() if p.name.startswith(".m.tmp-")]
    write_artefact(artefact, {"name": "soon"}, {"params": {}}, {}, [])
    assert left.exists()  # young: it could be a live writer's, before its claim
    _age(left)
    write_artefact(artefact, {"name": "later"}, {"params": {}}, {}, [])
    assert not left.exists()
    assert read_artefact(artefact).manifest["name"] == "later"
    assert [p.name for p in artefact.parent.iterdir() if p.name.startswith(".")] == []


_HOLD = """
import sys
from pathlib import Path
from clusterer.model import claim_directory
folder = Path(sys.argv[1])
folder.mkdir()
fd = claim_directory(folder)
print("claimed" if fd is not None else "no lock", flush=True)
sys.stdin.read()  # hold the claim until the test closes stdin or kills the process
"""


def test_sweep_never_removes_a_live_writers_folder_and_removes_it_after_a_kill(tmp_path):
    live = tmp_path / ".m.build-live"
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(live)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "claimed"
        (live / "model").mkdir()
        _age(live)
        assert sweep_abandoned(tmp_path, "m", min_age=0) == []
        assert live.is_dir()
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert sweep_abandoned(tmp_path, "m") == [live]  # the claim died with its process


def test_sweep_takes_only_old_unclaimed_scratch_folders_of_that_name(tmp_path):
    old = tmp_path / ".m.tmp-old"  # e.g. left by a version that did not claim its folders
    young = tmp_path / ".m.tmp-young"
    other = tmp_path / ".mm.tmp-old"
    model = tmp_path / "m"
    outside = tmp_path / "outside"
    for folder in (old, young, other, model, outside):
        folder.mkdir()
        (folder / "f").write_text("x")
    link = tmp_path / ".m.build-link"
    link.symlink_to(outside, target_is_directory=True)
    for path in (old, other, model, outside):
        _age(path)
    assert sweep_abandoned(tmp_path, "m") == [old]
    assert young.is_dir() and other.is_dir() and model.is_dir() and (outside / "f").exists() and link.is_symlink()
    assert sweep_abandoned(tmp_path / "missing", "m") == []
