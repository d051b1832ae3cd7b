"""The history read: counts and sums aggregated in SQL, the latest pain scores and notes."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from supple.app.records import History, NoteEntry, PainEntry, SessionSummary
from supple.store.schema import (
    ItemRow,
    NoteRow,
    PainRow,
    SessionRow,
)

#: The columns of a PainEntry, in its order.
PAIN_ENTRY = (
    PainRow.id,
    PainRow.at,
    PainRow.score,
    PainRow.moment,
    PainRow.note,
    PainRow.session_id,
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
    # Columns, not ORM objects: the history is read on every progress request.
    pain = [
        PainEntry(*row)
        for row in db.execute(
            select(*PAIN_ENTRY)
            .where(PainRow.person_id == person_id)
            .order_by(PainRow.at.desc(), PainRow.id.desc())
            .limit(limit)
        )
    ]
    notes = [
        NoteEntry(*row)
        for row in db.execute(
            select(NoteRow.id, NoteRow.at, NoteRow.text, NoteRow.session_id)
            .where(NoteRow.person_id == person_id)
            .order_by(NoteRow.at.desc(), NoteRow.id.desc())
            .limit(limit)
        )
    ]
    return History(sessions=sessions, pain=pain, notes=notes)
