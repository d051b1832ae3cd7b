"""The tracking read on a plain DBAPI connection (sqlite3 or psycopg), no SQLAlchemy needed.

``supple progress`` runs in a fresh process: importing SQLAlchemy alone costs more than the
whole command's time budget, so the command reads through here when the database is already
at the current schema (otherwise it opens the full :class:`~supple.store.Store`, which
migrates). :meth:`Store.tracking_input` uses the same queries on its own connection, so there
is one implementation of the read.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from supple.store.errors import StoreError, explain
from supple.store.paths import DEFAULT_TIMEOUT, plain_file
from supple.store.people import choose
from supple.store.programme_read import PROGRAMME_QUERIES, programme_records
from supple.store.revision import HEAD
from supple.tracking.adapt import FEEDBACK_WINDOW_DAYS
from supple.tracking.model import (
    DoneRecord,
    FeedbackRecord,
    PainRecord,
    PsfsRecord,
    SessionRecord,
    TrackingInput,
)


def local_day(at: Any) -> date:
    """The local day of a value a query gave (a date, its text, or a time)."""
    if isinstance(at, str):  # SQLite already gave the local date
        return date.fromisoformat(at)
    if type(at) is date:  # so did PostgreSQL, told the local time zone
        return at
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().date()  # type: ignore[no-any-return]


def _sql(dialect: str, text: str, server_dates: bool) -> str:
    """Write ``:day(col)`` as the local date computed by the database when it can."""
    param = "?" if dialect == "sqlite" else "%s"
    out = text.replace(":p", param)
    while ":day(" in out:
        start = out.index(":day(")
        end = out.index(")", start)
        column = out[start + 5 : end]
        if dialect == "sqlite":
            swap = f"date({column}, 'localtime')"
        else:
            swap = f"({column})::date" if server_dates else column
        out = out[:start] + swap + out[end + 1 :]
    return out


def local_zone() -> str | None:
    """The IANA name of this machine's time zone (``TZ``, else /etc/localtime), if known."""
    zone = os.environ.get("TZ", "").lstrip(":")
    if zone:
        return zone
    target = os.path.realpath("/etc/localtime")
    marker = "/zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else None


def zone_key() -> str:
    """The time zone days are counted in here (the summaries say which one they used)."""
    import time

    return (local_zone() or f"{'/'.join(time.tzname)}{time.timezone}")[:64]


def _use_local_zone(conn: Any, cur: Any) -> bool:
    """Make PostgreSQL give dates in the local zone for this transaction; False if it cannot."""
    zone = local_zone()
    if zone is None:
        return False
    try:
        cur.execute("SELECT set_config('TimeZone', %s, true)", (zone,))
        cur.fetchall()
    except Exception:  # an unknown zone name: convert in Python instead
        conn.rollback()
        return False
    return True


def _since_param(dialect: str, since: datetime) -> Any:
    utc = since.astimezone(UTC)
    return utc.replace(tzinfo=None).isoformat(sep=" ") if dialect == "sqlite" else utc


Rows = Callable[..., list[Any]]
#: A query written with ``:p`` and ``:day(col)``, and its parameters.
Query = tuple[str, tuple[Any, ...]]


class Runner:
    """Runs queries written with ``:p`` and ``:day(col)`` on one DBAPI connection: one at a
    time (calling it), or independent ones together (:meth:`many`)."""

    def __init__(self, conn: Any, dialect: str) -> None:
        self.conn, self.dialect = conn, dialect
        self.cur = conn.cursor()
        self.server_dates = dialect == "postgresql" and _use_local_zone(conn, self.cur)

    def __call__(self, text: str, *params: Any) -> list[Any]:
        self.cur.execute(_sql(self.dialect, text, self.server_dates), params)
        return list(self.cur.fetchall())

    def many(self, queries: list[Query]) -> list[list[Any]]:
        """The rows of each query; on PostgreSQL all are sent before any answer is awaited
        (psycopg's pipeline mode: one round trip instead of one per query)."""
        if self.dialect != "postgresql" or not _pipelines():
            return [self(text, *params) for text, params in queries]
        cursors = [self.conn.cursor() for _ in queries]
        try:
            with self.conn.pipeline():
                for cur, (text, params) in zip(cursors, queries, strict=True):
                    cur.execute(_sql(self.dialect, text, self.server_dates), params)
            return [list(cur.fetchall()) for cur in cursors]
        finally:
            for cur in cursors:
                cur.close()

    def close(self) -> None:
        self.cur.close()


def _pipelines() -> bool:
    import psycopg

    return bool(psycopg.Pipeline.is_supported())


def runner(conn: Any, dialect: str) -> Runner:
    """A :class:`Runner` on ``conn`` (close it after use)."""
    return Runner(conn, dialect)


def feedback_query(dialect: str, person_id: int, today: date) -> Query:
    """The feedback of the window tracking counts (a cost bounded by the window)."""
    since = datetime.combine(today - timedelta(days=FEEDBACK_WINDOW_DAYS), datetime.min.time())
    since = since.astimezone()  # local midnight
    return (
        "SELECT :day(s.started_at), i.exercise, i.feedback, s.id FROM session_item i "
        "JOIN session s ON s.id = i.session_id WHERE s.person_id = :p AND s.started_at >= :p "
        "AND i.feedback IS NOT NULL ORDER BY s.started_at, i.idx",
        (person_id, _since_param(dialect, since)),
    )


def feedback_of(found: list[Any]) -> tuple[FeedbackRecord, ...]:
    return tuple(FeedbackRecord(local_day(d), ex, fb, sid) for d, ex, fb, sid in found)


def days_per_week_query(person_id: int) -> Query:
    return "SELECT days_per_week FROM person WHERE id = :p", (person_id,)


def days_per_week_of(found: list[Any]) -> int:
    return int(found[0][0]) if found else 7


def tracking_queries(
    dialect: str, person_id: int, today: date, *, since: date | None = None
) -> list[Query]:
    """The queries of the tracking read (every record, or those of the days from ``since`` on);
    independent of each other, so they go together (:meth:`Runner.many`)."""
    if since is None:
        first = datetime.min.replace(tzinfo=UTC)
    else:
        first = datetime.combine(since, datetime.min.time()).astimezone()  # local midnight
    start = _since_param(dialect, first)
    window = datetime.combine(today - timedelta(days=FEEDBACK_WINDOW_DAYS), datetime.min.time())
    return [
        (
            "SELECT :day(started_at), status FROM session WHERE person_id = :p "
            "AND started_at >= :p ORDER BY started_at",
            (person_id, start),
        ),
        (
            "SELECT :day(at), score, moment FROM pain WHERE person_id = :p AND at >= :p "
            "ORDER BY at, id",
            (person_id, start),
        ),
        (
            "SELECT :day(sc.at), a.name, sc.score FROM psfs_score sc "
            "JOIN psfs_activity a ON a.id = sc.activity_id WHERE a.person_id = :p "
            "AND sc.at >= :p ORDER BY sc.at, a.id, sc.id",
            (person_id, start),
        ),
        (
            # the window tracking counts: the moves done and the feedback given, in one pass
            "SELECT :day(s.started_at), i.exercise, i.status, i.feedback, s.id "
            "FROM session_item i JOIN session s ON s.id = i.session_id "
            "WHERE s.person_id = :p AND s.started_at >= :p "
            "AND (i.status = 'done' OR i.feedback IS NOT NULL) ORDER BY s.started_at, i.idx",
            (person_id, _since_param(dialect, window.astimezone())),
        ),
        days_per_week_query(person_id),
        *((text, (person_id,)) for text in PROGRAMME_QUERIES),
    ]


def tracking_of(today: date, found: list[list[Any]]) -> TrackingInput:
    """The tracking input from the rows of :func:`tracking_queries`, in their order."""
    sessions, pain, psfs, items, week, *programme = found
    return TrackingInput(
        today=today,
        sessions=tuple(SessionRecord(local_day(d), st) for d, st in sessions),
        pain=tuple(PainRecord(local_day(d), sc, m) for d, sc, m in pain),
        feedback=feedback_of([(d, ex, fb, sid) for d, ex, _, fb, sid in items if fb is not None]),
        psfs=tuple(PsfsRecord(local_day(d), name, sc) for d, name, sc in psfs),
        days_per_week=days_per_week_of(week),
        done=tuple(DoneRecord(local_day(d), ex, i) for d, ex, st, _, i in items if st == "done"),
        **programme_records(programme, local_day),
    )


def read(
    conn: Any, dialect: str, person_id: int, today: date, *, since: date | None = None
) -> TrackingInput:
    """Run the tracking queries on a DBAPI connection (read-only): every record, or those of
    the days from ``since`` on."""
    rows = runner(conn, dialect)
    try:
        found = rows.many(tracking_queries(dialect, person_id, today, since=since))
    finally:
        rows.close()
    return tracking_of(today, found)


def _target(url: str | None) -> tuple[str, str] | None:
    """(dialect, file path or libpq URI), or None when only the full store can handle it."""
    text = url or ""
    path = plain_file(text)
    if path is not None:
        return "sqlite", str(path)
    scheme, _, rest = text.partition("://")
    if scheme == "sqlite" and rest.startswith("/") and "?" not in rest:
        return "sqlite", rest[1:]
    if scheme in ("postgresql", "postgresql+psycopg", "postgres"):
        return "postgresql", f"postgresql://{rest}"
    return None


def driver_errors(dialect: str) -> tuple[type[BaseException], ...]:
    """The base error of the DBAPI driver behind ``dialect`` (imported only when needed)."""
    if dialect == "sqlite":
        import sqlite3

        return (sqlite3.Error,)
    import psycopg

    return (psycopg.Error,)


def _connect(dialect: str, where: str, timeout: float) -> Any:
    if dialect == "sqlite":
        import sqlite3

        return sqlite3.connect(
            f"file:{where}?mode=ro", uri=True, timeout=timeout, isolation_level=None
        )
    import psycopg

    return psycopg.connect(where, connect_timeout=max(1, int(timeout)))


def tracking_input(
    url: str | None,
    today: date | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    person: int | None = None,
    since: date | None = None,
) -> TrackingInput | None:
    """The tracking input of ``person`` (default: the database's only person) read directly, or
    None when the full store must open the database (to migrate it, or make its person);
    ``since`` leaves out sessions, pain and PSFS scores of earlier days."""

    def reader(conn: Any, dialect: str, chosen: int, day: date) -> TrackingInput:
        return read(conn, dialect, chosen, day, since=since)

    return light(url, today, reader, timeout=timeout, person=person)


T = TypeVar("T")


def light(
    url: str | None,
    today: date | None,
    reader: Callable[[Any, str, int, date], T | None],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    person: int | None = None,
) -> T | None:
    """What ``reader`` reads for ``person`` on a plain driver connection, or None when the
    full store must open the database (to migrate it, or make its person)."""
    target = _target(url)
    if target is None:
        return None
    dialect, where = target
    today = today or datetime.now().astimezone().date()
    if dialect == "sqlite" and not Path(where).is_file():
        return None
    errors = driver_errors(dialect)
    label = f"'{where}'" if dialect == "sqlite" else "PostgreSQL database"
    try:
        conn = _connect(dialect, where, timeout)
    except errors as exc:
        raise explain(exc, label) from None
    try:
        try:
            cur = conn.cursor()
            cur.execute("SELECT version_num FROM alembic_version")
            found = cur.fetchone()
            cur.execute("SELECT id FROM person ORDER BY id")
            people = [int(row[0]) for row in cur.fetchall()]
            cur.close()
        except errors as exc:
            if "no such table" in str(exc) or "does not exist" in str(exc):
                return None  # an empty or old database: the full store migrates it
            raise
        if found is None or found[0] != HEAD:
            return None
        chosen = choose(people, person, label)
        return None if chosen is None else reader(conn, dialect, chosen, today)
    except errors as exc:
        raise explain(exc, label) from None
    finally:
        conn.close()


__all__ = ["StoreError", "read", "tracking_input"]
