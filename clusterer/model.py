"""Model artefacts: a directory with a manifest, JSON parameters and ``.npy`` arrays — never a pickle.

Layout of an artefact directory::

    manifest.json        format version, embedder, categories, thresholds, digests, versions, figures,
                         and the sha256 of every other file
    embedder.json        embedder parameters            embedder.*.npy     its learned arrays
    classifier.json      classes, thresholds, params    classifier.*.npy   weights, exemplar vectors
    exemplars.jsonl      the exemplar bank (id, category, library, cause, canonical text, message)

Loading verifies every checksum before reading a byte of data and loads arrays with ``allow_pickle=False``,
so an artefact can never run code. Writing is atomic: the artefact is built in a temporary sibling directory,
fsynced, then renamed into place; an interrupted write leaves the previous artefact untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CARD = "README.md"
DEFAULT_MODEL = "tiny"
MODEL_ENV = "CLUSTERER_MODEL"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def dumps_json(obj: Any) -> bytes:
    """Canonical JSON bytes (sorted keys, fixed separators, trailing newline) so equal content gives equal bytes."""
    return (json.dumps(obj, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def bundled_models_dir() -> Path:
    """Where the bundled models live: inside the installed package, or ``models/`` of a source checkout."""
    packaged = Path(str(resources.files("clusterer"))) / "_bundled_models"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "models"


def resolve_model_path(model: str | os.PathLike[str] | None) -> Path:
    """Turn ``--model`` into an artefact directory.

    Parameters
    ----------
    model:
        A directory path, the name of a bundled model (``"tiny"``), or ``None`` for ``$CLUSTERER_MODEL``, else the
        registry's active model (``cluster models activate``), else the default bundled model.

    Returns
    -------
    Path of an existing directory with a manifest.

    Raises
    ------
    ModelError
        When no such model exists.
    """
    ref = model if model is not None else os.environ.get(MODEL_ENV) or _registry_active() or DEFAULT_MODEL
    path = Path(ref)
    recover_directory(path)
    if not path.is_dir():
        bundled = bundled_models_dir() / str(ref)
        if bundled.is_dir() and os.sep not in str(ref):
            path = bundled
        else:
            known = sorted(p.name for p in bundled_models_dir().glob("*") if (p / MANIFEST).is_file())
            raise ModelError(f"unknown model {str(ref)!r}: not a directory nor a bundled model ({', '.join(known)})")
    if not (path / MANIFEST).is_file():
        raise ModelError(f"{path}: not a model artefact (no {MANIFEST})")
    return path


def _registry_active() -> str | None:
    """The registry's active model folder (``cluster models activate``), or ``None`` when none was chosen."""
    from .registry import active_model_path

    path = active_model_path()
    return str(path) if path is not None else None


@dataclass
class Artefact:
    """The files of a model artefact, read and verified: manifest, JSON documents and arrays by name."""

    path: Path
    manifest: dict[str, Any]
    documents: dict[str, Any] = field(default_factory=dict)
    arrays: dict[str, np.ndarray] = field(default_factory=dict)
    exemplars: list[dict[str, Any]] = field(default_factory=list)


def read_artefact(path: Path) -> Artefact:
    """Read and verify an artefact directory.

    Every file listed in the manifest must exist with the recorded sha256 and no unlisted data file may be
    present; the format version must be one this version reads.

    Raises
    ------
    ModelError
        With a one-line message naming the file and the mismatch.
    """
    try:
        manifest = json.loads((path / MANIFEST).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path / MANIFEST}: unreadable manifest ({exc})") from None
    if not isinstance(manifest, dict) or "format_version" not in manifest or "files" not in manifest:
        raise ModelError(f"{path / MANIFEST}: not a clusterer manifest")
    version = manifest["format_version"]
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ModelError(
            f"{path / MANIFEST}: model format version {version} is newer than this clusterer reads "
            f"({FORMAT_VERSION}); upgrade clusterer"
        )
    saved_by = manifest.get("versions", {}).get("clusterer")
    from . import __version__

    if saved_by and _newer(saved_by, __version__):
        warnings.warn(
            f"model {path} was saved by clusterer {saved_by}, newer than this clusterer {__version__}",
            stacklevel=2,
        )
    files: Mapping[str, str] = manifest["files"]
    present = {p.name for p in path.iterdir() if p.is_file() and p.name != MANIFEST}
    for name in sorted(present - set(files)):
        if name.endswith((".npy", ".json", ".jsonl")):
            raise ModelError(f"{path / name}: file not listed in the manifest")
    art = Artefact(path=path, manifest=manifest)
    for name, digest in sorted(files.items()):
        file = path / name
        if os.sep in name or "/" in name or name.startswith("."):
            raise ModelError(f"{path / MANIFEST}: invalid file name {name!r}")
        if not file.is_file():
            raise ModelError(f"{file}: missing from the model artefact")
        actual = sha256_file(file)
        if actual != digest:
            raise ModelError(f"{file}: checksum mismatch (manifest {digest[:12]}…, file {actual[:12]}…)")
        try:
            if name.endswith(".npy"):
                art.arrays[name[: -len(".npy")]] = np.load(file, allow_pickle=False)
            elif name.endswith(".jsonl"):
                art.exemplars = [json.loads(line) for line in file.read_text("utf-8").splitlines() if line]
            elif name.endswith(".json"):
                art.documents[name[: -len(".json")]] = json.loads(file.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{file}: unreadable ({exc})") from None
    return art


def _newer(a: str, b: str) -> bool:
    def key(v: str) -> tuple[int, ...]:
        return tuple(int(p) if p.isdigit() else 0 for p in v.split(".")[:3])

    return key(a) > key(b)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directory entries in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``, macOS
    ``renamex_np(RENAME_SWAP)``). Returns False where the OS or the filesystem cannot; raises on any other error."""
    import ctypes
    import ctypes.util
    import errno
    import sys

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        if sys.platform.startswith("linux"):
            call = libc.renameat2
            args: tuple[Any, ...] = (-100, os.fsencode(a), -100, os.fsencode(b), 2)  # AT_FDCWD, RENAME_EXCHANGE
        elif sys.platform == "darwin":
            call = libc.renamex_np
            args = (os.fsencode(a), os.fsencode(b), 2)  # RENAME_SWAP
        else:
            return False
    except (OSError, AttributeError):  # no libc, or a libc without the call (glibc < 2.28)
        return False
    if call(*args) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def recover_directory(target: Path) -> None:
    """Undo a replacement that was killed half-way on an OS without an atomic swap: if ``target`` is missing but
    the previous version was already moved aside (``.NAME.old-*``), move it back. A no-op otherwise."""
    target = Path(target)
    if target.exists() or not target.parent.is_dir():
        return
    try:
        aside = sorted(target.parent.glob(f".{target.name}.old-*"), key=lambda p: p.stat().st_mtime)
        if aside:
            os.replace(aside[-1], target)
            _fsync_dir(target.parent)
    except OSError:  # a read-only or vanished folder: nothing this call can repair; the caller reports the miss
        pass


#: an unclaimed scratch folder at least this old (seconds) was left by a killed writer: a live writer claims its
#: folder the moment it creates it (:func:`claim_directory`), so only the first instants of a live folder are unclaimed
ABANDONED_AFTER_S = 60.0
#: the scratch folders writers make next to ``NAME``: atomic writes, and ``cluster train``'s build folders
SCRATCH_PATTERNS = (".{name}.tmp-*", ".{name}.build-*")


def claim_directory(path: Path) -> int | None:
    """Hold an exclusive advisory lock (``flock``) on the directory ``path`` while the returned descriptor is open.

    The kernel drops the lock when the descriptor is closed or the process dies, however it dies, so a scratch
    folder whose lock can be taken has no living writer (:func:`sweep_abandoned`). Returns None where there is no
    ``flock`` (Windows, or a filesystem without locks): such folders are never swept.
    """
    try:
        import fcntl

        fd = os.open(path, os.O_RDONLY)
    except (ImportError, OSError):
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # a filesystem without locks: the sweep cannot take one either, so it never removes the folder
        os.close(fd)
        return None
    return fd


def release_directory(fd: int | None) -> None:
    """Close a descriptor from :func:`claim_directory` (dropping its lock); None is a no-op."""
    if fd is not None:
        os.close(fd)


def sweep_abandoned(parent: Path, name: str, min_age: float = ABANDONED_AFTER_S) -> list[Path]:
    """Remove the scratch folders of ``parent/name`` (:data:`SCRATCH_PATTERNS`) that a killed writer left behind.

    A folder is removed only when it is at least ``min_age`` seconds old *and* its lock can be taken, i.e. no
    living process holds it (:func:`claim_directory`). A live writer's folder is never touched, however long it has
    been running. Returns the folders removed; where ``flock`` is missing, removes nothing.
    """
    import glob
    import time

    removed: list[Path] = []
    parent = Path(parent)
    now = time.time()
    for pattern in SCRATCH_PATTERNS:
        for path in sorted(parent.glob(pattern.format(name=glob.escape(name)))):
            try:
                if path.is_symlink() or not path.is_dir() or now - path.lstat().st_mtime < min_age:
                    continue
            except OSError:
                continue
            claim = claim_directory(path)  # None: a living writer holds it, or there is no flock to tell
            if claim is None:
                continue
            try:
                shutil.rmtree(path, ignore_errors=True)
            finally:
                release_directory(claim)
            if not path.exists():
                removed.append(path)
    return removed


@contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Yield a fresh temporary directory next to ``target``; on success, move it into place atomically.

    An existing ``target`` is swapped with the new directory in one step (:func:`_exchange`), so a reader or a
    kill at any instant sees the whole old or the whole new directory. Where the OS has no atomic swap it is two
    renames, and a kill between them is undone by :func:`recover_directory` on the next load or write.
    If the body raises (or the process dies), ``target`` is left as it was and the temporary directory is
    removed (or, after a kill, left behind under a ``.tmp-`` name, which the next write of ``target`` removes:
    the temporary directory is claimed while it lives, :func:`sweep_abandoned`).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    recover_directory(target)
    sweep_abandoned(target.parent, target.name)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    claim = claim_directory(tmp)
    try:
        yield tmp
        for file in tmp.iterdir():
            with file.open("rb") as fh:
                os.fsync(fh.fileno())
        _fsync_dir(tmp)
        if not target.exists():
            os.replace(tmp, target)
        elif _exchange(tmp, target):
            shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous version
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            old.rmdir()
            os.replace(target, old)
            os.replace(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        _fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        release_directory(claim)


def write_artefact(
    target: Path,
    manifest: dict[str, Any],
    documents: Mapping[str, Any],
    arrays: Mapping[str, np.ndarray],
    exemplars: list[dict[str, Any]],
) -> Path:
    """Write an artefact atomically; the manifest gets the sha256 of every file.

    Same inputs give the same bytes: JSON is canonical, arrays are ``.npy`` (no timestamps), no dates recorded.
    """
    with atomic_directory(target) as tmp:
        files: dict[str, str] = {}
        for name, doc in sorted(documents.items()):
            (tmp / f"{name}.json").write_bytes(dumps_json(doc))
        for name, arr in sorted(arrays.items()):
            with (tmp / f"{name}.npy").open("wb") as fh:
                np.save(fh, np.ascontiguousarray(arr), allow_pickle=False)
        card = Path(target) / CARD
        if card.is_file():  # the model card is written by people, not by training: it carries over
            shutil.copyfile(card, tmp / CARD)
        lines = "".join(json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n" for e in exemplars)
        (tmp / "exemplars.jsonl").write_bytes(lines.encode("utf-8"))
        for file in sorted(tmp.iterdir()):
            if file.name != CARD:
                files[file.name] = sha256_file(file)
        full = dict(manifest, format_version=FORMAT_VERSION, files=files)
        (tmp / MANIFEST).write_bytes(dumps_json(full))
    return target


def _merge_value(value: Any) -> float | None:
    """A merge threshold from a manifest: None (or 1.0 and above) means no merge pass."""
    return None if value is None or float(value) >= 1.0 else float(value)


# -- the loaded model ---------------------------------------------------------------------------------------


def _select_embedder(params: dict[str, Any], arrays: dict[str, np.ndarray]) -> Any:
    kind = params.get("kind")
    if kind == "tiny":
        from .embed import TinyEmbedder

        return TinyEmbedder.from_state(params, arrays)
    if kind in ("semantic", "hybrid"):
        from .embed_semantic import HybridEmbedder, SemanticEmbedder

        return (SemanticEmbedder if kind == "semantic" else HybridEmbedder).from_state(params, arrays)
    if kind in ("static", "tiny-static"):
        from .embed_static import StaticEmbedder, TinyStaticEmbedder

        return (StaticEmbedder if kind == "static" else TinyStaticEmbedder).from_state(params, arrays)
    raise ModelError(f"unknown embedder kind {kind!r} in embedder.json")


def prefixed(arrays: Mapping[str, np.ndarray], prefix: str) -> dict[str, np.ndarray]:
    """The arrays whose names start with ``prefix``, under their names without it (one part of an artefact)."""
    return {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}


@dataclass
class Model:
    """A loaded, verified model: embedder, classifier, categories, exemplar bank and manifest."""

    path: Path
    manifest: dict[str, Any]
    embedder: Any
    classifier: Any
    categories: dict[str, Any]
    exemplars: list[dict[str, Any]]

    @property
    def name(self) -> str:
        """The model's name from its manifest."""
        return str(self.manifest.get("name", self.path.name))

    @property
    def cluster_threshold(self) -> float:
        """Cosine similarity at which two failures share a cluster."""
        return float(self.manifest.get("thresholds", {}).get("cluster", 0.6))

    @property
    def merge_threshold(self) -> float | None:
        """Average-linkage similarity at which clusters of the same answer join (None: no merge pass)."""
        return _merge_value(self.manifest.get("thresholds", {}).get("merge"))

    @property
    def merge_new_threshold(self) -> float | None:
        """Average-linkage similarity at which clusters answered new join (None: no merge pass for them).

        Chosen apart from :attr:`merge_threshold` when the manifest has ``thresholds.merge_new``: the causes of
        unknown failures are grouped best at another similarity than the causes inside a known category.
        Without it, the merge threshold serves both."""
        thresholds = self.manifest.get("thresholds", {})
        if "merge_new" not in thresholds:
            return self.merge_threshold
        return _merge_value(thresholds["merge_new"])

    @property
    def grouping_view(self) -> str | None:
        """How the texts of failures answered new are read when their clusters are merged
        (:func:`clusterer.cluster.grouping_text`; None: as they are, the only reading of models trained before
        session 16)."""
        view = self.manifest.get("grouping", {}).get("new")
        return None if view is None else str(view)

    def new_grouping_vectors(self, texts: Sequence[str], embed: Callable[[list[str]], Any] | None = None) -> Any:
        """The vectors the clusters answered new are merged by (:func:`clusterer.cluster.group`'s ``new_vectors``):
        None when the model has no grouping view, else the embeddings (by ``embed``, default the model's
        embedder) of the texts as the view reads them."""
        from .cluster import grouping_text

        view = self.grouping_view
        if view is None:
            return None
        return (embed or self.embedder.embed)([grouping_text(t, view) for t in texts])

    @classmethod
    def load(cls, model: str | os.PathLike[str] | None = None) -> Model:
        """Resolve, verify and load a model artefact (see :func:`resolve_model_path`).

        Raises
        ------
        ModelError
            Unknown model, missing or corrupted file, unsupported format.
        """
        from .categories import Category
        from .classify import ExemplarClassifier

        path = resolve_model_path(model)
        art = read_artefact(path)
        try:
            embedder = _select_embedder(art.documents["embedder"], prefixed(art.arrays, "embedder."))
            classifier = ExemplarClassifier.from_state(art.documents["classifier"], prefixed(art.arrays, "classifier."))
            categories = {str(c["id"]): Category.from_dict(c) for c in art.manifest["categories"]}
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{path}: inconsistent model artefact ({type(exc).__name__}: {exc})") from None
        if len(art.exemplars) != classifier.exemplars_.shape[0]:
            raise ModelError(f"{path / 'exemplars.jsonl'}: exemplar count does not match the exemplar vectors")
        return cls(path, art.manifest, embedder, classifier, categories, art.exemplars)

    def info(self) -> dict[str, Any]:
        """What answers say about the model that produced them."""
        m = self.manifest
        return {
            "name": self.name,
            "path": str(self.path),
            "format_version": m.get("format_version"),
            "embedder": m.get("embedder", {}).get("kind"),
            "exemplars": len(self.exemplars),
            "training_digest": m.get("training", {}).get("digest"),
            "clusterer_version": m.get("versions", {}).get("clusterer"),
        }
