"""Read queries: aggregate in SQL, hand plain records to the domain."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from supple.store.records import History, PainEntry, SessionSummary
from supple.store.schema import (
    ItemRow,
    PainRow,
    Person,
    PsfsActivity,
    PsfsScore,
    SessionRow,
)
from supple.tracking import (
    FeedbackRecord,
    PainRecord,
    PsfsRecord,
    SessionRecord,
    TrackingInput,
)


def _local_day(at: datetime) -> date:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().date()


def tracking_input(db: Session, person_id: int, today: date, since: datetime) -> TrackingInput:
    """Sessions and pain over all time, feedback since ``since``, every PSFS score."""
    days = db.scalar(select(Person.days_per_week).where(Person.id == person_id)) or 7
    sessions: Sequence[Any] = db.execute(
        select(SessionRow.started_at, SessionRow.status)
        .where(SessionRow.person_id == person_id)
        .order_by(SessionRow.started_at)
    ).all()
    pain: Sequence[Any] = db.execute(
        select(PainRow.at, PainRow.score, PainRow.moment)
        .where(PainRow.person_id == person_id)
        .order_by(PainRow.at)
    ).all()
    feedback: Sequence[Any] = db.execute(
        select(SessionRow.started_at, ItemRow.exercise, ItemRow.feedback, SessionRow.id)
        .join(SessionRow, ItemRow.session_id == SessionRow.id)
        .where(SessionRow.person_id == person_id)
        .where(SessionRow.started_at >= since)
        .where(ItemRow.feedback.is_not(None))
        .order_by(SessionRow.started_at, ItemRow.idx)
    ).all()
    psfs = db.execute(
        select(PsfsScore.at, PsfsActivity.name, PsfsScore.score)
        .join(PsfsActivity, PsfsScore.activity_id == PsfsActivity.id)
        .where(PsfsActivity.person_id == person_id)
        .order_by(PsfsScore.at, PsfsActivity.id)
    ).all()
    return TrackingInput(
        today=today,
        sessions=tuple(SessionRecord(_local_day(at), status) for at, status in sessions),
        pain=tuple(PainRecord(_local_day(at), score, moment) for at, score, moment in pain),
        feedback=tuple(FeedbackRecord(_local_day(at), ex, fb, sid) for at, ex, fb, sid in feedback),
        psfs=tuple(PsfsRecord(_local_day(at), name, score) for at, name, score in psfs),
        days_per_week=days,
    )


def history(db: Session, person_id: int, limit: int) -> History:
    """The latest sessions (with item counts and pain before/after) and pain scores."""
    done = func.sum(case((ItemRow.status == "done", 1), else_=0))
    skipped = func.sum(case((ItemRow.status == "skipped", 1), else_=0))
    held = func.coalesce(func.sum(ItemRow.held_seconds), 0)
    recent = (
        select(SessionRow.id)
        .where(SessionRow.person_id == person_id)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(limit)
        .subquery()
    )
    rows = db.execute(
        select(
            SessionRow.id,
            SessionRow.started_at,
            SessionRow.ended_at,
            SessionRow.status,
            done,
            skipped,
            held,
        )
        .join(ItemRow, ItemRow.session_id == SessionRow.id, isouter=True)
        .where(SessionRow.id.in_(select(recent.c.id)))
        .group_by(SessionRow.id, SessionRow.started_at, SessionRow.ended_at, SessionRow.status)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
    ).all()
    ids = [r[0] for r in rows]
    scores: dict[tuple[int | None, str], int] = {}
    if ids:
        for sid, moment, score in db.execute(
            select(PainRow.session_id, PainRow.moment, PainRow.score)
            .where(PainRow.session_id.in_(ids))
            .order_by(PainRow.at)
        ):
            scores[(sid, moment)] = score
    sessions = [
        SessionSummary(
            id=r[0],
            started_at=r[1],
            ended_at=r[2],
            status=r[3],
            done=int(r[4] or 0),
            skipped=int(r[5] or 0),
            seconds_held=int(r[6] or 0),
            pain_before=scores.get((r[0], "before")),
            pain_after=scores.get((r[0], "after")),
        )
        for r in rows
    ]
    pain = [
        PainEntry(
            id=p.id, at=p.at, score=p.score, moment=p.moment, note=p.note, session_id=p.session_id
        )
        for p in db.scalars(
            select(PainRow)
            .where(PainRow.person_id == person_id)
            .order_by(PainRow.at.desc(), PainRow.id.desc())
            .limit(limit)
        )
    ]
    return History(sessions=sessions, pain=pain)
