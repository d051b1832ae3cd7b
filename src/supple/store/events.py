"""Session events onto rows, and rows back into a resumable state."""

from __future__ import annotations

from collections.abc import Container
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supple.app.records import SessionState
from supple.store import summary
from supple.store.errors import StoreError
from supple.store.schema import DirectionRow, EventKey, ItemRow, PainRow, PlanRow, SessionRow

if TYPE_CHECKING:
    from supple.session.events import SessionEvent


def check_exercise(known: Container[str], exercise: str) -> None:
    """Refuse an exercise id the library does not hold, suggesting the closest ids."""
    if exercise in known:
        return
    closest = getattr(known, "closest", None)
    hint = closest(exercise) if closest is not None else []
    more = f"; did you mean {', '.join(hint)}?" if hint else ""
    raise StoreError(f"no exercise '{exercise}' in the library{more}")


def _item(db: Session, session: SessionRow, index: int, exercise: str, at: datetime) -> ItemRow:
    row = db.scalar(
        select(ItemRow).where(ItemRow.session_id == session.id).where(ItemRow.idx == index)
    )
    if row is None:
        row = ItemRow(session_id=session.id, idx=index, exercise=exercise, at=at)
        db.add(row)
    elif row.exercise != exercise:
        raise StoreError(
            f"item {index} of session {session.id} is '{row.exercise}', not '{exercise}'"
        )
    return row


def apply(db: Session, session: SessionRow, event: SessionEvent, known: Container[str]) -> None:
    """Write one event's effect (the caller stores its key in the same transaction)."""
    if event.type in ("item", "feedback", "spread"):
        check_exercise(known, event.exercise)
    if event.type == "item":
        row = _item(db, session, event.index, event.exercise, event.at)
        row.planned_seconds = event.planned_seconds
        row.held_seconds = event.held_seconds
        row.status = event.status
        row.at = event.at
    elif event.type == "feedback":
        row = _item(db, session, event.index, event.exercise, event.at)
        row.feedback = event.feedback
    elif event.type == "pain":
        summary.pain_changed(db, session.person_id, event.at, event.score, 1)
        db.add(
            PainRow(
                person_id=session.person_id,
                session_id=session.id,
                at=event.at,
                score=event.score,
                moment=event.when,
            )
        )
    elif event.type == "spread":
        db.add(
            DirectionRow(
                person_id=session.person_id,
                at=event.at,
                source="session",
                session_id=session.id,
                exercise=event.exercise,
            )
        )
    elif event.type == "end":
        summary.session_finished(db, session, session.status, event.status)
        session.status = event.status
        session.ended_at = event.at
    else:  # pragma: no cover - the union is closed
        raise StoreError(f"unknown event type {event.type!r}")


def state(db: Session, session: SessionRow) -> SessionState:
    """What an in-progress session holds so far."""
    from supple.planner.model import Plan

    plan = None
    if session.plan_id is not None:
        body = db.scalar(select(PlanRow.body).where(PlanRow.id == session.plan_id))
        plan = None if body is None else Plan.model_validate(body)
    items = list(db.scalars(select(ItemRow).where(ItemRow.session_id == session.id)))
    before = db.scalar(
        select(PainRow.score)
        .where(PainRow.session_id == session.id)
        .where(PainRow.moment == "before")
        .order_by(PainRow.at.desc(), PainRow.id.desc())
        .limit(1)
    )
    n_events = db.scalar(
        select(func.count()).select_from(EventKey).where(EventKey.session_id == session.id)
    )
    return SessionState(
        id=session.id,
        key=session.key,
        plan_id=session.plan_id,
        plan=plan,
        started_at=session.started_at,
        done=frozenset(i.idx for i in items if i.status == "done"),
        skipped=frozenset(i.idx for i in items if i.status == "skipped"),
        held_seconds={i.idx: i.held_seconds for i in items if i.held_seconds is not None},
        feedback={i.idx: i.feedback for i in items if i.feedback is not None},
        pain_before=before,
        events=int(n_events or 0),
    )
