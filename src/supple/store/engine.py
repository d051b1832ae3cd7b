"""Where the database is, how to connect to it, and what its errors mean to a person."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from supple.store.errors import StoreError, explain
from supple.store.paths import DEFAULT_TIMEOUT, plain_file

P = ParamSpec("P")
R = TypeVar("R")


#: What a bare path must end in to be made into a new SQLite file.
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
SQLITE_HEADER = b"SQLite format 3\x00"


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_plain_path(text: str, path: Path) -> None:
    """Refuse a bare path that looks mistyped: one that is neither an existing SQLite file nor
    named like one (``.db``, ``.sqlite``, ``.sqlite3``), so a typo never makes a file. A
    ``sqlite:///FILE`` URL says the name is meant, and is taken whatever it ends in."""
    if path.suffix.lower() in SQLITE_SUFFIXES or _is_sqlite_file(path):
        return
    what = "is not a SQLite file" if path.exists() else "is not a database URL"
    raise StoreError(
        f"'{text}' {what}: give sqlite:///FILE, a file name ending in .db, .sqlite or .sqlite3, "
        f"or postgresql://user@host/db (to make a new file named '{path.name}', "
        f"give sqlite:///{text})"
    )


def resolve_url(url: str | None) -> URL:
    """The URL to use: the argument, else the default file (supple.db in the data folder)."""
    text = url or ""
    path = plain_file(text)
    if path is not None:
        if not text:  # the default file's folder may be new
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            check_plain_path(text, path)
        return URL.create("sqlite", database=str(path))
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise StoreError(f"'{text}' is not a database URL (try sqlite:///FILE)") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database '{parsed.drivername}': use sqlite or postgresql")
    return parsed


def describe(url: URL) -> str:
    """A short, password-free name for the database, for messages."""
    if url.get_backend_name() == "sqlite":
        return f"'{url.database}'"
    return f"PostgreSQL database '{url.database}' on {url.host or 'localhost'}:{url.port or 5432}"


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL (None for in-memory or PostgreSQL)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database))


def make_engine(url: URL, timeout: float | None = None) -> Engine:
    """An engine with WAL and foreign keys on SQLite, and explicit transaction begins."""
    if timeout is None:
        timeout = DEFAULT_TIMEOUT
    if url.get_backend_name() == "postgresql":
        # A statement waits for a lock as long as a SQLite write waits for the writer before
        # it, then fails as temporary (a 503 on the web), instead of hanging a request.
        wait_ms = max(1, int(timeout * 1000))
        return create_engine(
            url,
            pool_pre_ping=False,
            connect_args={
                "connect_timeout": max(1, int(timeout)),
                "options": f"-c lock_timeout={wait_ms}",
            },
        )
    engine = create_engine(url, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")  # with WAL: safe against crashes
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A write takes the lock up front so two writers queue instead of deadlocking.
        immediate = conn.get_execution_options().get("supple_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Let a store method raise only StoreError, whatever the driver says."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except SQLAlchemyError as exc:
            store = args[0]
            raise explain(exc, getattr(store, "where", "the database")) from None

    return wrapper
