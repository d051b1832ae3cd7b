"""The summary tables, kept up to date in the same transaction as the records they count.

A write that adds, changes or removes a finished session or a pain score calls :func:`lock`
first (one row per person: writers for the same person take turns, on PostgreSQL too), then
:func:`change_day` with what changed on which local day. That updates the day and its week and
re-folds the runs and hold steps forward from there, stopping as soon as a row comes out as it
was (so an entry for today touches one day and one week; a correction years back re-folds
what follows it once). :func:`rebuild` recomputes a person's summaries from the records: after
an import, a migration, or when the summaries were counted in another time zone.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from supple.store.fastread import zone_key
from supple.store.schema import PainRow, SessionRow, TrackingDay, TrackingState, TrackingWeek
from supple.store.timeutil import as_utc
from supple.tracking.adherence import week_start
from supple.tracking.digest import Day, Hold, Week, days_of, next_day, next_week, weeks_of
from supple.tracking.model import PainRecord, SessionRecord, SessionStatus, TrackingInput

#: Rows read at a time while re-folding forward.
CHUNK = 256


def local_day(at: datetime) -> date:
    """The local day of a stored time."""
    return as_utc(at).astimezone().date()


def lock(db: Session, person_id: int) -> TrackingState:
    """Take the person's summary lock for this transaction; the summaries are rebuilt first
    when they are missing or were counted in another time zone."""
    state = _locked(db, person_id)
    if state is None:
        if db.bind is not None and db.bind.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
        row = {"person_id": person_id, "zone": "", "sessions_done": 0}
        db.execute(insert(TrackingState).values(**row).on_conflict_do_nothing())
        state = _locked(db, person_id)
        assert state is not None
    if state.zone != zone_key():
        rebuild(db, person_id, state)
    return state


def _locked(db: Session, person_id: int) -> TrackingState | None:
    query = select(TrackingState).where(TrackingState.person_id == person_id).with_for_update()
    return db.scalar(query.execution_options(populate_existing=True))


def _day(row: TrackingDay) -> Day:
    return Day(row.day, row.finished, row.pain_sum, row.pain_count, row.run)


def _week(row: TrackingWeek) -> Week:
    runs = tuple(int(n) for n in row.runs.split(","))
    hold = Hold(row.hold_step, row.hold_pain_sum, row.hold_pain_count, row.hold_started)
    return Week(row.start, row.done, row.pain_sum, row.pain_count, runs, hold)


def _set_week(row: TrackingWeek, week: Week) -> None:
    row.runs = ",".join(map(str, week.runs))
    row.hold_step = week.hold.step
    row.hold_pain_sum = week.hold.pain_sum
    row.hold_pain_count = week.hold.pain_count
    row.hold_started = week.hold.started


def change_day(
    db: Session,
    state: TrackingState,
    day: date,
    *,
    finished: int = 0,
    pain_sum: int = 0,
    pain_count: int = 0,
) -> None:
    """Add (or with negative numbers take away) finished sessions and pain on ``day``."""
    pid = state.person_id
    state.sessions_done += finished
    row = db.get(TrackingDay, (pid, day))
    was_done = row is not None and row.finished > 0
    if row is None:
        row = TrackingDay(person_id=pid, day=day, finished=0, pain_sum=0, pain_count=0, run=0)
        db.add(row)
    row.finished += finished
    row.pain_sum += pain_sum
    row.pain_count += pain_count
    done = row.finished > 0
    if not (row.finished or row.pain_count):
        db.delete(row)
    db.flush()
    if done != was_done:
        _refold_days(db, pid, day)
    _change_week(db, pid, week_start(day), done - was_done, pain_sum, pain_count)


def _change_week(
    db: Session, pid: int, start: date, done: int, pain_sum: int, pain_count: int
) -> None:
    if not (done or pain_sum or pain_count):
        return
    row = db.get(TrackingWeek, (pid, start))
    if row is None:
        row = TrackingWeek(
            person_id=pid, start=start, done=0, pain_sum=0, pain_count=0, runs=",".join("0" * 7)
        )
        _set_week(row, Week(start))
        db.add(row)
    row.done += done
    row.pain_sum += pain_sum
    row.pain_count += pain_count
    if not (row.done or row.pain_count):
        db.delete(row)
    db.flush()
    _refold_weeks(db, pid, start)


def _after(db: Session, table: Any, column: Any, pid: int, first: date) -> Iterator[Any]:
    """The person's rows of ``table`` from ``first`` on, in order, a chunk at a time."""
    query = select(table).where(table.person_id == pid).order_by(column)
    rows = list(db.scalars(query.where(column >= first).limit(CHUNK)))
    while rows:
        yield from rows
        last = getattr(rows[-1], column.key)
        rows = list(db.scalars(query.where(column > last).limit(CHUNK)))


def _before(db: Session, table: Any, column: Any, pid: int, first: date) -> Any:
    query = select(table).where(table.person_id == pid, column < first)
    return db.scalar(query.order_by(column.desc()).limit(1))


def _refold_days(db: Session, pid: int, first: date) -> None:
    """Recompute the runs from ``first`` on, until a day comes out as it was."""
    found = _before(db, TrackingDay, TrackingDay.day, pid, first)
    before = None if found is None else _day(found)
    for row in _after(db, TrackingDay, TrackingDay.day, pid, first):
        new = next_day(before, _day(row))
        if new.run == row.run and row.day > first:
            break
        row.run = new.run
        before = new
    db.flush()


def _refold_weeks(db: Session, pid: int, first: date) -> None:
    """Recompute the week runs and hold steps from ``first`` on, until a week comes out as it
    was (a gap of weeks changes nothing, so the hold fold goes on across it)."""
    found = _before(db, TrackingWeek, TrackingWeek.start, pid, first)
    before = None if found is None else _week(found)
    for row in _after(db, TrackingWeek, TrackingWeek.start, pid, first):
        old = _week(row)
        new = next_week(before, old)
        if new == old and row.start > first:
            break
        _set_week(row, new)
        before = new
    db.flush()


def records(db: Session, pid: int) -> TrackingInput:
    """The person's finished sessions and pain scores as records (days in local time)."""
    sessions = db.execute(
        select(SessionRow.started_at, SessionRow.status).where(SessionRow.person_id == pid)
    )
    pain = db.execute(select(PainRow.at, PainRow.score).where(PainRow.person_id == pid))
    return TrackingInput(
        today=date.today(),
        sessions=tuple(
            SessionRecord(local_day(row[0]), cast(SessionStatus, row[1])) for row in sessions
        ),
        pain=tuple(PainRecord(local_day(at), score) for at, score in pain),
    )


def rebuild(db: Session, pid: int, state: TrackingState | None = None) -> None:
    """Recompute every summary of ``pid`` from the records (inside the caller's transaction)."""
    state = state or lock(db, pid)
    db.execute(delete(TrackingDay).where(TrackingDay.person_id == pid))
    db.execute(delete(TrackingWeek).where(TrackingWeek.person_id == pid))
    days = days_of(records(db, pid))
    for d in days:
        db.add(
            TrackingDay(
                person_id=pid,
                day=d.day,
                finished=d.finished,
                pain_sum=d.pain_sum,
                pain_count=d.pain_count,
                run=d.run,
            )
        )
    for w in weeks_of(days):
        row = TrackingWeek(
            person_id=pid, start=w.start, done=w.done, pain_sum=w.pain_sum, pain_count=w.pain_count
        )
        _set_week(row, w)
        db.add(row)
    state.zone = zone_key()
    state.sessions_done = sum(d.finished for d in days)
    db.flush()


def stored(db: Session, pid: int) -> tuple[list[Day], list[Week]]:
    """The summaries as stored (for the checks that compare them with a rebuild)."""
    days = db.scalars(select(TrackingDay).where(TrackingDay.person_id == pid).order_by("day"))
    weeks = db.scalars(select(TrackingWeek).where(TrackingWeek.person_id == pid).order_by("start"))
    return [_day(r) for r in days], [_week(r) for r in weeks]


def session_finished(db: Session, session: SessionRow, old_status: str, new_status: str) -> None:
    """Count a session that became finished (or stopped being so) on its day."""
    if (old_status == "finished") == (new_status == "finished"):
        return
    state = lock(db, session.person_id)
    delta = 1 if new_status == "finished" else -1
    change_day(db, state, local_day(session.started_at), finished=delta)


def pain_changed(db: Session, pid: int, at: datetime, score_delta: int, count_delta: int) -> None:
    """Count a pain score added (count +1), removed (-1) or corrected (0) at ``at``."""
    state = lock(db, pid)
    change_day(db, state, local_day(at), pain_sum=score_delta, pain_count=count_delta)


__all__ = [
    "change_day",
    "lock",
    "pain_changed",
    "rebuild",
    "records",
    "session_finished",
    "stored",
    "zone_key",
]
