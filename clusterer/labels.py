"""The label store: people's labels, their categories and retraining jobs, in SQLite or PostgreSQL.

One interface, two backends, chosen by a URL:

- SQLite (the default): ``$CLUSTERER_HOME/labels.db``, or ``--db PATH`` / ``--db sqlite:///PATH``. WAL journal, a
  busy timeout, and every write in a ``BEGIN IMMEDIATE`` transaction, so one writer at a time and no lost writes
  when the CLI and the service (or two CLIs) label at once.
- PostgreSQL for a shared deployment: ``--db postgresql://user:pass@host/db`` or ``$CLUSTERER_DB`` (needs the
  ``postgres`` extra: ``pip install 'clusterer[postgres]'``).

The schema grows by numbered migrations, one function each (:data:`MIGRATIONS`); a store applies the missing ones
when first opened, under the write lock (SQLite) or an advisory lock (PostgreSQL), and refuses a database that a
newer clusterer migrated. Labels are plain rows and JSON lines, never pickles.

A label is an event: labelling the same failure again adds a row, and training uses the latest label of each
failure (see :meth:`LabelStore.training_labels`), so a correction wins and nothing is ever overwritten.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from .categories import Category, PlaybookStep, builtin_categories
from .errors import ClustererError

DB_ENV = "CLUSTERER_DB"
HOME_ENV = "CLUSTERER_HOME"
USER_ENV = "CLUSTERER_USER"
OTHER = "other"
#: Seconds a writer waits for another writer before giving up (SQLite busy timeout).
BUSY_TIMEOUT = 60.0
_CATEGORY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


class StoreError(ClustererError):
    """A label store that cannot be opened or used, or a label/category that it refuses (one line)."""

    exit_code = 2


def clusterer_home() -> Path:
    """Where clusterer keeps its state: ``$CLUSTERER_HOME``, else ``$XDG_DATA_HOME/clusterer``, else
    ``~/.local/share/clusterer``. Not created here."""
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "clusterer"


def now_utc() -> str:
    """The current time as an ISO 8601 UTC timestamp with a ``Z`` (seconds precision)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_author() -> str:
    """Who is labelling: ``$CLUSTERER_USER``, else the login name."""
    if os.environ.get(USER_ENV):
        return os.environ[USER_ENV]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True)
class Label:
    """One person's answer for one failure.

    Parameters
    ----------
    test:
        The test id as the runner names it.
    text:
        The failure's canonical text (:func:`clusterer.normalize.canonical_text`): what the model learns from.
    category:
        A category id (``"1"``..``"7"``, a user category such as ``"8"``) or ``"other"`` (an unrelated cause).
    traceback, message:
        The raw failure text and one-line message, kept so a later normaliser can recompute the text.
    author, created_at:
        Who labelled it and when (ISO 8601 UTC).
    source, run:
        The results file (or request) and run index the failure came from.
    uid:
        A unique id kept across export/import, so importing the same file twice adds nothing.
    id:
        The row id in this store (``None`` before it is stored).
    """

    test: str
    text: str
    category: str
    traceback: str = ""
    message: str = ""
    author: str = ""
    created_at: str = ""
    source: str = ""
    run: int | None = None
    uid: str = ""
    id: int | None = None

    @property
    def key(self) -> str:
        """What identifies the labelled failure: sha256 of the test id and canonical text (first 16 hex)."""
        return hashlib.sha256(f"{self.test}\n{self.text}".encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (one line of ``cluster labels export``)."""
        return {k: v for k, v in asdict(self).items() if k != "id"}

    @classmethod
    def from_dict(cls, raw: Any, *, where: str = "label") -> Label:
        """Build a label from its JSON form; raises :class:`StoreError` naming ``where`` on a bad row."""
        if not isinstance(raw, dict):
            raise StoreError(f"{where}: expected a JSON object")
        missing = [k for k in ("test", "text", "category") if not str(raw.get(k) or "").strip()]
        if missing:
            raise StoreError(f"{where}: missing {', '.join(missing)}")
        known = {f.name for f in fields(cls)} - {"id"}
        values = {k: raw[k] for k in known if k in raw and raw[k] is not None}
        for k in ("test", "text", "category", "traceback", "message", "author", "created_at", "source", "uid"):
            if k in values:
                values[k] = str(values[k])
        if "run" in values:
            try:
                values["run"] = int(values["run"])
            except (TypeError, ValueError):
                raise StoreError(f"{where}: run must be an integer") from None
        return cls(**values)


@dataclass
class Job:
    """A background job (retraining) as the store records it, so every worker process can answer for it."""

    id: str
    kind: str
    status: str  # queued | running | done | failed
    created_at: str
    started_at: str | None = None
    finished_at: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    result: dict[str, Any] | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``GET /v1/jobs/{id}``)."""
        return asdict(self)


# -- dialects ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dialect:
    """What differs between the backends' SQL: the parameter marker and the auto-increment key."""

    name: str
    param: str
    serial_pk: str


SQLITE = Dialect("sqlite", "?", "INTEGER PRIMARY KEY AUTOINCREMENT")
POSTGRES = Dialect("postgresql", "%s", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")


# -- migrations: one function per step, never edited once released -------------------------------------------------


def _m0001_labels(d: Dialect) -> list[str]:
    return [
        f"""CREATE TABLE labels (
            id {d.serial_pk},
            uid TEXT NOT NULL UNIQUE,
            test TEXT NOT NULL,
            text TEXT NOT NULL,
            traceback TEXT NOT NULL DEFAULT '',
            message TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            run INTEGER
        )""",
        "CREATE INDEX labels_category ON labels (category)",
        "CREATE INDEX labels_test ON labels (test)",
    ]


def _m0002_categories(d: Dialect) -> list[str]:
    return [
        """CREATE TABLE categories (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            body TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    ]


def _m0003_jobs(d: Dialect) -> list[str]:
    return [
        """CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT,
            params TEXT NOT NULL DEFAULT '{}',
            result TEXT,
            error TEXT
        )"""
    ]


#: The schema's history: ``(version, name, statements)``, applied in order, each once.
MIGRATIONS: tuple[tuple[int, str, Callable[[Dialect], list[str]]], ...] = (
    (1, "labels", _m0001_labels),
    (2, "categories", _m0002_categories),
    (3, "jobs", _m0003_jobs),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]
_PG_MIGRATION_LOCK = 0x636C7573  # "clus": the advisory lock held while migrating


# -- the store -------------------------------------------------------------------------------------------------------


def _is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def resolve_db_url(db: str | os.PathLike[str] | None = None) -> str:
    """The store's URL: ``db``, else ``$CLUSTERER_DB``, else the SQLite file ``$CLUSTERER_HOME/labels.db``."""
    ref = str(db) if db else os.environ.get(DB_ENV) or str(clusterer_home() / "labels.db")
    return ref.replace("postgresql+psycopg://", "postgresql://", 1)


def describe_url(url: str) -> str:
    """The URL without its password (for messages and logs)."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class LabelStore:
    """Labels, categories and jobs in one database (SQLite or PostgreSQL).

    Parameters
    ----------
    url:
        A path or ``sqlite:///path`` for SQLite, ``postgresql://…`` for PostgreSQL; ``None`` uses
        :func:`resolve_db_url`.

    Every method opens its own short connection, so a store object is safe to share between threads (the service)
    and cheap to make (the CLI). Writes are transactions: all of a batch is stored or none of it.
    """

    def __init__(self, url: str | os.PathLike[str] | None = None) -> None:
        self.url = resolve_db_url(url)
        self.dialect = POSTGRES if _is_postgres(self.url) else SQLITE
        self._migrated = False

    def __repr__(self) -> str:
        return f"LabelStore({describe_url(self.url)!r})"

    # -- connections --------------------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        """The SQLite file (``None`` for PostgreSQL)."""
        if self.dialect is POSTGRES:
            return None
        return Path(self.url[len("sqlite:///") :] if self.url.startswith("sqlite:///") else self.url).expanduser()

    def _connect(self) -> Any:
        if self.dialect is POSTGRES:
            try:
                import psycopg
            except ImportError:
                raise StoreError("PostgreSQL label stores need psycopg 3: pip install 'clusterer[postgres]'") from None
            try:
                return psycopg.connect(self.url, connect_timeout=10)
            except psycopg.Error as exc:
                raise StoreError(f"{describe_url(self.url)}: cannot connect ({_first_line(exc)})") from None
        path = self.path
        assert path is not None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot open the label store ({exc})") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            _retry_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path}: not a usable SQLite label store ({exc})") from None
        return conn

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Any]:
        """A cursor inside one transaction: ``BEGIN IMMEDIATE`` (one writer at a time) for SQLite writes."""
        if not self._migrated:
            self.migrate()
        with self._raw_transaction(write=write) as cur:
            yield cur

    @contextmanager
    def _raw_transaction(self, *, write: bool) -> Iterator[Any]:
        """Like :meth:`_transaction`, without migrating first."""
        conn = self._connect()
        try:
            if self.dialect is POSTGRES:
                import psycopg

                try:
                    with conn.transaction(), conn.cursor() as cur:
                        yield cur
                except psycopg.Error as exc:
                    raise StoreError(f"{describe_url(self.url)}: {_first_line(exc)}") from None
            else:
                cur = conn.cursor()
                try:
                    _retry_locked(lambda: cur.execute("BEGIN IMMEDIATE" if write else "BEGIN"))
                    yield cur
                    _retry_locked(lambda: cur.execute("COMMIT"))
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        finally:
            conn.close()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", self.dialect.param) if self.dialect is POSTGRES else sql

    # -- migrations ---------------------------------------------------------------------------------------------
    def migrate(self) -> list[int]:
        """Apply the missing migrations in order, under the write lock; returns the versions applied.

        Raises
        ------
        StoreError
            When the database was migrated by a newer clusterer (a version this one does not know).
        """
        applied_now: list[int] = []
        with self._raw_transaction(write=True) as cur:
            if self.dialect is POSTGRES:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_MIGRATION_LOCK,))
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            cur.execute("SELECT version FROM schema_migrations")
            applied = {int(r[0]) for r in cur.fetchall()}
            if applied and max(applied) > SCHEMA_VERSION:
                raise StoreError(
                    f"{describe_url(self.url)}: label store schema version {max(applied)} is newer than this "
                    f"clusterer knows ({SCHEMA_VERSION}); upgrade clusterer"
                )
            for version, name, statements in MIGRATIONS:
                if version in applied:
                    continue
                for statement in statements(self.dialect):
                    cur.execute(statement)
                cur.execute(
                    self._sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                    (version, name, now_utc()),
                )
                applied_now.append(version)
        self._migrated = True
        return applied_now

    def schema_version(self) -> int:
        """The highest migration applied."""
        with self._transaction(write=False) as cur:
            cur.execute("SELECT MAX(version) FROM schema_migrations")
            row = cur.fetchone()
        return int(row[0] or 0)

    # -- categories ---------------------------------------------------------------------------------------------
    def categories(self) -> list[Category]:
        """The user's categories (not the seven built-in ones), ordered by id (numbers numerically)."""
        with self._transaction(write=False) as cur:
            cur.execute("SELECT body FROM categories")
            rows = [Category.from_dict(json.loads(r[0])) for r in cur.fetchall()]
        return sorted(rows, key=lambda c: _id_order(c.id))

    def all_categories(self) -> dict[str, Category]:
        """Built-in categories and the user's, by id (a user's category never replaces a built-in one)."""
        out = {c.id: c for c in builtin_categories()}
        for c in self.categories():
            out.setdefault(c.id, c)
        return out

    def add_category(self, category: Category, *, author: str | None = None, replace: bool = False) -> Category:
        """Store a user category (``cluster categories add``).

        Raises
        ------
        StoreError
            For a built-in id, ``other``, ``new-…``, an invalid id, or an existing id without ``replace``.
        """
        cid = category.id
        if not _CATEGORY_ID.match(cid) or cid.lower() == OTHER or cid.lower().startswith("new"):
            raise StoreError(f"invalid category id {cid!r}: use letters, digits, '.', '_' or '-' (not 'other'/'new')")
        if cid in {c.id for c in builtin_categories()}:
            raise StoreError(f"category {cid} is built in ({_builtin_name(cid)}); pick another id, e.g. 8")
        if not category.name.strip():
            raise StoreError(f"category {cid}: a name is required")
        stamp = now_utc()
        body = json.dumps(category.to_dict(), ensure_ascii=False, sort_keys=True)
        with self._transaction(write=True) as cur:
            cur.execute(self._sql("SELECT 1 FROM categories WHERE id = ?"), (cid,))
            exists = cur.fetchone() is not None
            if exists and not replace:
                raise StoreError(f"category {cid} already exists; use --replace to change it")
            if exists:
                cur.execute(
                    self._sql("UPDATE categories SET name = ?, body = ?, author = ?, updated_at = ? WHERE id = ?"),
                    (category.name, body, author or default_author(), stamp, cid),
                )
            else:
                cur.execute(
                    self._sql(
                        "INSERT INTO categories (id, name, body, author, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)"
                    ),
                    (cid, category.name, body, author or default_author(), stamp, stamp),
                )
        return category

    # -- labels -------------------------------------------------------------------------------------------------
    def add_labels(self, labels: Iterable[Label], *, author: str | None = None) -> list[Label]:
        """Store labels in one transaction; returns them as stored (uid, who/when filled in, row id).

        Labels whose ``uid`` is already stored are skipped (not returned), so re-importing is harmless.

        Raises
        ------
        StoreError
            A label with an unknown category (add it first with ``cluster categories add``); nothing is stored.
        """
        labels = list(labels)
        who = author or default_author()
        stamp = now_utc()
        stored: list[Label] = []
        with self._transaction(write=True) as cur:
            known = self._known_ids(cur)
            for lab in labels:
                if lab.category not in known:
                    raise StoreError(_unknown_category(lab.category))
            insert = self._sql(
                "INSERT INTO labels (uid, test, text, traceback, message, category, author, created_at, source, run) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING"
                + (" RETURNING id" if self.dialect is POSTGRES else "")
            )
            for lab in labels:
                full = Label(
                    **{
                        **asdict(lab),
                        "id": None,
                        "uid": lab.uid or uuid.uuid4().hex,
                        "author": lab.author or who,
                        "created_at": lab.created_at or stamp,
                    }
                )
                cur.execute(
                    insert,
                    (
                        full.uid,
                        full.test,
                        full.text,
                        full.traceback,
                        full.message,
                        full.category,
                        full.author,
                        full.created_at,
                        full.source,
                        full.run,
                    ),
                )
                if self.dialect is POSTGRES:
                    row = cur.fetchone()
                    if row is not None:
                        stored.append(Label(**{**asdict(full), "id": int(row[0])}))
                elif cur.rowcount == 1:
                    stored.append(Label(**{**asdict(full), "id": int(cur.lastrowid)}))
        return stored

    def labels(self, *, category: str | None = None, test: str | None = None, limit: int | None = None) -> list[Label]:
        """Stored labels, oldest first, optionally only one category's or one test's; ``limit`` keeps the newest."""
        where, args = [], []
        if category is not None:
            where.append("category = ?")
            args.append(category)
        if test is not None:
            where.append("test = ?")
            args.append(test)
        sql = "SELECT id, uid, test, text, traceback, message, category, author, created_at, source, run FROM labels"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._transaction(write=False) as cur:
            cur.execute(self._sql(sql), tuple(args))
            rows = cur.fetchall()
        out = [
            Label(
                id=int(r[0]),
                uid=r[1],
                test=r[2],
                text=r[3],
                traceback=r[4],
                message=r[5],
                category=r[6],
                author=r[7],
                created_at=r[8],
                source=r[9],
                run=r[10],
            )
            for r in rows
        ]
        return out[::-1]

    def count(self) -> int:
        """How many labels are stored."""
        with self._transaction(write=False) as cur:
            cur.execute("SELECT COUNT(*) FROM labels")
            row = cur.fetchone()
        return int(row[0])

    def training_labels(self) -> list[Label]:
        """The latest label of each labelled failure (same test id and canonical text): what training uses."""
        latest: dict[str, Label] = {}
        for lab in self.labels():
            latest[lab.key] = lab
        return sorted(latest.values(), key=lambda lab: lab.id or 0)

    # -- JSONL ---------------------------------------------------------------------------------------------------
    def export_jsonl(self, out: IO[str], *, category: str | None = None) -> int:
        """Write the user's categories, then every label, as JSON lines (``"type": "category"|"label"``).

        Returns the number of labels written.
        """
        for c in self.categories():
            out.write(json.dumps({"type": "category", **c.to_dict()}, ensure_ascii=False, sort_keys=True) + "\n")
        labels = self.labels(category=category)
        for lab in labels:
            out.write(json.dumps({"type": "label", **lab.to_dict()}, ensure_ascii=False, sort_keys=True) + "\n")
        return len(labels)

    def import_jsonl(self, lines: Iterable[str], *, source: str = "import") -> tuple[int, int]:
        """Read what :meth:`export_jsonl` writes (plain label objects without ``type`` too).

        Categories are added when missing; labels already stored (same ``uid``) are skipped. Everything is checked
        before anything is stored.

        Returns
        -------
        (labels added, labels skipped as already stored)

        Raises
        ------
        StoreError
            Naming the line of the first malformed row.
        """
        cats: list[Category] = []
        labels: list[Label] = []
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise StoreError(f"{source}: line {n}: malformed JSON ({exc.msg})") from None
            kind = raw.get("type", "label") if isinstance(raw, dict) else "label"
            if kind == "category":
                try:
                    cats.append(Category.from_dict({k: v for k, v in raw.items() if k != "type"}))
                except (KeyError, TypeError, ValueError) as exc:
                    raise StoreError(f"{source}: line {n}: malformed category ({exc})") from None
            elif kind == "label":
                lab = Label.from_dict(raw, where=f"{source}: line {n}")
                labels.append(lab if lab.uid else Label(**{**asdict(lab), "uid": _stable_uid(lab)}))
            else:
                raise StoreError(f"{source}: line {n}: unknown type {kind!r} (expected 'label' or 'category')")
        have = {c.id for c in self.categories()} | {c.id for c in builtin_categories()}
        for c in cats:
            if c.id not in have:
                self.add_category(c)
                have.add(c.id)
        added = self.add_labels(labels)
        return len(added), len(labels) - len(added)

    # -- jobs ----------------------------------------------------------------------------------------------------
    def create_job(self, kind: str, params: dict[str, Any] | None = None) -> Job:
        """Record a queued job and return it."""
        job = Job(id=uuid.uuid4().hex[:12], kind=kind, status="queued", created_at=now_utc(), params=params or {})
        with self._transaction(write=True) as cur:
            cur.execute(
                self._sql("INSERT INTO jobs (id, kind, status, created_at, params) VALUES (?, ?, ?, ?, ?)"),
                (job.id, job.kind, job.status, job.created_at, json.dumps(job.params, sort_keys=True)),
            )
        return job

    def update_job(
        self, job_id: str, *, status: str, result: dict[str, Any] | None = None, error: str | None = None
    ) -> None:
        """Move a job to ``running``, ``done`` or ``failed`` (with its result or error)."""
        stamp = now_utc()
        column = "started_at" if status == "running" else "finished_at"
        with self._transaction(write=True) as cur:
            cur.execute(
                self._sql(f"UPDATE jobs SET status = ?, {column} = ?, result = ?, error = ? WHERE id = ?"),
                (status, stamp, json.dumps(result, sort_keys=True) if result is not None else None, error, job_id),
            )

    def job(self, job_id: str) -> Job | None:
        """A job by id, or ``None``."""
        with self._transaction(write=False) as cur:
            cur.execute(
                self._sql(
                    "SELECT id, kind, status, created_at, started_at, finished_at, params, result, error "
                    "FROM jobs WHERE id = ?"
                ),
                (job_id,),
            )
            r = cur.fetchone()
        return None if r is None else self._job(r)

    def jobs(self, statuses: Sequence[str]) -> list[Job]:
        """Every job in one of ``statuses`` (e.g. ``("queued", "running")``), oldest first."""
        if not statuses:
            return []
        marks = ", ".join("?" for _ in statuses)
        with self._transaction(write=False) as cur:
            cur.execute(
                self._sql(
                    "SELECT id, kind, status, created_at, started_at, finished_at, params, result, error "
                    f"FROM jobs WHERE status IN ({marks}) ORDER BY created_at, id"
                ),
                tuple(statuses),
            )
            rows = cur.fetchall()
        return [self._job(r) for r in rows]

    @staticmethod
    def _job(r: Sequence[Any]) -> Job:
        return Job(
            id=r[0],
            kind=r[1],
            status=r[2],
            created_at=r[3],
            started_at=r[4],
            finished_at=r[5],
            params=json.loads(r[6] or "{}"),
            result=json.loads(r[7]) if r[7] else None,
            error=r[8],
        )

    # -- helpers -------------------------------------------------------------------------------------------------
    def _known_ids(self, cur: Any) -> set[str]:
        cur.execute("SELECT id FROM categories")
        return {str(r[0]) for r in cur.fetchall()} | {c.id for c in builtin_categories()} | {OTHER}


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _retry_locked(fn: Callable[[], Any], *, budget: float = BUSY_TIMEOUT) -> Any:
    """Run ``fn``, retrying while SQLite says the database is locked (a backstop for the busy handler, which
    SQLite does not call in every case, e.g. when switching to WAL or upgrading a read lock)."""
    deadline = time.monotonic() + budget
    delay = 0.005
    while True:
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def _id_order(cid: str) -> tuple[int, int | str]:
    return (0, int(cid)) if cid.isdigit() else (1, cid)


def _builtin_name(cid: str) -> str:
    return next((c.name for c in builtin_categories() if c.id == cid), cid)


def _unknown_category(cid: str) -> str:
    return f"unknown category {cid!r}: add it first (cluster categories add {cid} --name '...'), or use 1-7 or 'other'"


def _stable_uid(lab: Label) -> str:
    """A uid for an imported label without one: same row, same uid, so a second import adds nothing."""
    raw = json.dumps([lab.test, lab.text, lab.category, lab.author, lab.created_at, lab.source], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def make_category(
    cid: str,
    name: str,
    playbook: Sequence[str] = (),
    *,
    priority: int = 3,
    root_causes: Sequence[str] = (),
    slug: str | None = None,
) -> Category:
    """A user category from command-line words: each playbook entry is ``STEP`` or ``STEP => COMMAND``.

    Examples
    --------
    >>> c = make_category("8", "Serialization", ["Find json.dumps calls => grep -rn json.dumps ."])
    >>> c.slug, c.playbook[0].step, c.playbook[0].command
    ('serialization', 'Find json.dumps calls', 'grep -rn json.dumps .')
    """
    steps = []
    for entry in playbook:
        step, _, command = entry.partition("=>")
        steps.append(PlaybookStep(step.strip(), command.strip() or None))
    return Category(
        id=str(cid),
        name=name.strip(),
        slug=slug or re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or str(cid),
        priority=priority,
        root_causes=tuple(root_causes),
        playbook=tuple(steps),
    )


# -- choosing failures to label from results files ------------------------------------------------------------------


def select_failures(
    runs: Sequence[Any], *, tests: Sequence[str] = (), clusters: Sequence[str] = (), result: Any = None
) -> list[Any]:
    """The failing :class:`~clusterer.records.TestCase` objects that ``--test`` and ``--cluster`` name.

    Parameters
    ----------
    runs:
        The runs read from the results files.
    tests:
        Test ids; every failing occurrence (in any run) is selected.
    clusters:
        Cluster ids of ``result`` (``c3`` or ``3``); every member is selected.
    result:
        The classify answer (:class:`~clusterer.schema.ClassifyResult`) that ``clusters`` refer to.

    Raises
    ------
    StoreError
        A test that has no failure in the runs, or a cluster that is not in the answer (with what there is).
    """
    failures = [t for run in runs for t in run.failures]
    chosen: dict[tuple[str, int], Any] = {}
    for test in tests:
        hits = [f for f in failures if f.test == test]
        if not hits:
            import difflib

            close = difflib.get_close_matches(test, sorted({f.test for f in failures}), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else f" ({len(failures)} failures in the results)"
            raise StoreError(f"--test {test}: no failing test with that id{hint}")
        for f in hits:
            chosen[(f.test, f.run)] = f
    if clusters:
        if result is None:
            raise StoreError("--cluster needs a classify answer")
        by_id = {c.id: c for c in result.clusters}
        several = len(runs) > 1
        index = {(f.test, f.run): f for f in failures}
        for ref in clusters:
            cid = ref if ref.startswith("c") else f"c{ref}"
            if cid not in by_id:
                raise StoreError(f"--cluster {ref}: no such cluster (the answer has c1..c{len(by_id)})")
            for member in by_id[cid].members:
                test, run = member, 0
                if several and "@run" in member:
                    test, _, r = member.rpartition("@run")
                    run = int(r) if r.isdigit() else 0
                if (test, run) in index:
                    chosen[(test, run)] = index[(test, run)]
    return list(chosen.values())


def labels_for(
    failures: Iterable[Any], runs: Sequence[Any], category: str, *, source: str | None = None, author: str | None = None
) -> list[Label]:
    """Labels for failing test cases: canonical text, raw traceback and message, source run."""
    from .normalize import canonical_text

    out = []
    for f in failures:
        origin = source or (runs[f.run].source if f.run < len(runs) else "")
        out.append(
            Label(
                test=f.test,
                text=canonical_text(f),
                category=str(category),
                traceback=f.traceback,
                message=f.message,
                author=author or "",
                source=origin,
                run=f.run,
            )
        )
    return out


def open_store(db: str | os.PathLike[str] | None = None) -> LabelStore:
    """The label store at ``db`` (see :func:`resolve_db_url`), migrated to this clusterer's schema."""
    store = LabelStore(db)
    store.migrate()
    return store


__all__ = [
    "DB_ENV",
    "HOME_ENV",
    "MIGRATIONS",
    "Job",
    "Label",
    "LabelStore",
    "StoreError",
    "clusterer_home",
    "labels_for",
    "make_category",
    "open_store",
    "resolve_db_url",
    "select_failures",
]
