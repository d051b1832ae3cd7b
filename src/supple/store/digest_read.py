"""The digest read: what progress and today's adjustments need, from the summary tables, in a
handful of indexed queries whatever the length of the history (plain DBAPI, like
:mod:`supple.store.fastread`, so ``supple progress`` starts fast)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from supple.store import fastread
from supple.store.fastread import Rows
from supple.tracking.adherence import week_start
from supple.tracking.digest import DIGEST_DAYS, DIGEST_WEEKS, Day, Digest, Hold, Week
from supple.tracking.model import FeedbackRecord, PsfsRecord, TrackingInput

WEEK_COLUMNS = "start, done, pain_sum, pain_count, runs, hold_step, hold_pain_sum, " + (
    "hold_pain_count, hold_started"
)


def _day(value: Any) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _week(row: Any) -> Week:
    start, done, pain_sum, pain_count, runs, step, hold_sum, hold_count, started = row
    hold = Hold(int(step), int(hold_sum), int(hold_count), bool(started))
    counts = tuple(int(n) for n in str(runs).split(","))
    return Week(_day(start), int(done), int(pain_sum), int(pain_count), counts, hold)


def _psfs(rows: Rows, activities: list[Any]) -> tuple[PsfsRecord, ...]:
    """The first and the latest score of each activity (two indexed lookups each)."""
    first: list[tuple[Any, int, PsfsRecord]] = []
    latest: list[PsfsRecord] = []
    base = (
        "SELECT :day(sc.at), sc.score, sc.at, sc.id FROM psfs_score sc "
        "WHERE sc.activity_id = :p ORDER BY "
    )
    for activity_id, name in activities:
        early = rows(base + "sc.at, sc.id LIMIT 1", activity_id)
        if not early:
            continue
        late = rows(base + "sc.at DESC, sc.id DESC LIMIT 1", activity_id)
        day, score, at, score_id = early[0]
        first.append((at, int(activity_id), PsfsRecord(fastread.local_day(day), name, score)))
        if late[0][3] != score_id:
            latest.append(PsfsRecord(fastread.local_day(late[0][0]), name, int(late[0][1])))
    first.sort(key=lambda t: (t[0], t[1]))
    return (*(rec for _, _, rec in first), *latest)


def _param(dialect: str, day: date) -> Any:
    return day.isoformat() if dialect == "sqlite" else day


def digest_queries(dialect: str, person_id: int, today: date) -> list[fastread.Query]:
    """The digest's queries, independent of each other (sent together: one round trip on
    PostgreSQL); the days a week and the feedback are the tracking read's own queries."""
    first_day = today - timedelta(days=DIGEST_DAYS - 1)
    this_week = week_start(today)
    first_week = this_week - timedelta(weeks=DIGEST_WEEKS - 1)
    return [
        ("SELECT zone, sessions_done FROM tracking_state WHERE person_id = :p", (person_id,)),
        (
            "SELECT day, finished, pain_sum, pain_count, run FROM tracking_day "
            "WHERE person_id = :p AND day >= :p AND day <= :p",
            (person_id, _param(dialect, first_day), _param(dialect, today)),
        ),
        (
            f"SELECT {WEEK_COLUMNS} FROM tracking_week WHERE person_id = :p "
            "AND start >= :p AND start <= :p",
            (person_id, _param(dialect, first_week), _param(dialect, this_week)),
        ),
        (
            f"SELECT {WEEK_COLUMNS} FROM tracking_week WHERE person_id = :p "
            "AND start < :p ORDER BY start DESC LIMIT 1",
            (person_id, _param(dialect, this_week)),
        ),
        ("SELECT max(run) FROM tracking_day WHERE person_id = :p", (person_id,)),
        (
            "SELECT day FROM tracking_day WHERE person_id = :p AND pain_count > 0 "
            "ORDER BY day LIMIT 1",
            (person_id,),
        ),
        ("SELECT id, name FROM psfs_activity WHERE person_id = :p", (person_id,)),
    ]


def digest_of_rows(
    rows: fastread.Runner,
    person_id: int,
    today: date,
    found: list[list[Any]],
    *,
    days_per_week: int,
    feedback: tuple[FeedbackRecord, ...],
) -> Digest | None:
    """The digest from the rows of :func:`digest_queries` (in their order), the days a week and
    the window's feedback; None when the summaries are missing or were counted in another time
    zone. ``rows`` runs the few lookups that depend on those rows."""
    state, days, weeks, complete, best, pain_first, activities = found
    if not state or state[0][0] != fastread.zone_key():
        return None
    first_pain = _day(pain_first[0][0]) if pain_first else None
    baseline = (0, 0)
    if first_pain is not None:
        sums = rows(
            "SELECT sum(pain_sum), sum(pain_count) FROM tracking_day "
            "WHERE person_id = :p AND day >= :p AND day <= :p",
            person_id,
            _param(rows.dialect, first_pain),
            _param(rows.dialect, first_pain + timedelta(days=6)),
        )
        baseline = (int(sums[0][0] or 0), int(sums[0][1] or 0))
    recent = [Day(_day(d), int(f), int(s), int(c), int(r)) for d, f, s, c, r in days]
    return Digest(
        today=today,
        days_per_week=days_per_week,
        days={d.day: d for d in recent},
        weeks={w.start: w for w in map(_week, weeks)},
        hold=_week(complete[0]).hold if complete else Hold(),
        sessions_done=int(state[0][1]),
        best_run=int(best[0][0] or 0),
        first_pain=first_pain,
        baseline=baseline,
        feedback=feedback,
        psfs=_psfs(rows, activities),
    )


def read_window(
    conn: Any, dialect: str, person_id: int, today: date, *, since: date
) -> tuple[TrackingInput, Digest | None]:
    """The records of the days from ``since`` on and the digest, in one batch of queries on
    one connection (what today's routine and progress read on every request)."""
    rows = fastread.runner(conn, dialect)
    try:
        tracking = fastread.tracking_queries(dialect, person_id, today, since=since)
        found = rows.many([*tracking, *digest_queries(dialect, person_id, today)])
        records = fastread.tracking_of(today, found[: len(tracking)])
        digest = digest_of_rows(
            rows,
            person_id,
            today,
            found[len(tracking) :],
            days_per_week=records.days_per_week,
            feedback=records.feedback,
        )
        return records, digest
    finally:
        rows.close()


def read_digest(conn: Any, dialect: str, person_id: int, today: date) -> Digest | None:
    """The digest of ``person_id`` as of ``today``, or None when the summaries are missing or
    were counted in another time zone (the caller then reads every record)."""
    rows = fastread.runner(conn, dialect)
    try:
        shared = [
            fastread.days_per_week_query(person_id),
            fastread.feedback_query(dialect, person_id, today),
        ]
        week, said, *found = rows.many([*shared, *digest_queries(dialect, person_id, today)])
        return digest_of_rows(
            rows,
            person_id,
            today,
            found,
            days_per_week=fastread.days_per_week_of(week),
            feedback=fastread.feedback_of(said),
        )
    finally:
        rows.close()


class LightSource:
    """Tracking's records and digest read straight from a database URL, without SQLAlchemy
    (``supple progress`` starts fast); :attr:`usable` is False when the full store must open
    the database instead (to migrate it, make its person or fill its summaries)."""

    def __init__(self, url: str | None, *, timeout: float, person: int | None) -> None:
        self.url, self.timeout, self.person = url, timeout, person
        self.usable = True

    def tracking_input(
        self, today: date | None = None, *, since: date | None = None
    ) -> TrackingInput:
        found = fastread.tracking_input(
            self.url, today, timeout=self.timeout, person=self.person, since=since
        )
        self.usable = self.usable and found is not None
        return found or TrackingInput(today=today or date.today())

    def tracking_digest(self, today: date | None = None) -> Digest:
        found = fastread.light(
            self.url, today, read_digest, timeout=self.timeout, person=self.person
        )
        self.usable = self.usable and found is not None
        return found or Digest(today=today or date.today())

    def tracking_window(
        self, today: date | None = None, *, since: date
    ) -> tuple[TrackingInput, Digest]:
        return self.tracking_input(today, since=since), self.tracking_digest(today)


__all__ = ["LightSource", "digest_of_rows", "digest_queries", "read_digest", "read_window"]
