"""Guided sessions: begin, record each event once, resume."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from supple.app.records import SessionState
from supple.store import engine as eng
from supple.store.base import PersonBase
from supple.store.entries import plan_body
from supple.store.errors import KeyConflict, NoSuchRecord, StoreError
from supple.store.schema import EventKey, PlanRow, SessionRow
from supple.store.timeutil import as_utc, now

if TYPE_CHECKING:
    from supple.planner.model import Plan
    from supple.session.events import SessionEvent


class SessionsMixin(PersonBase):
    """Sessions and their events."""

    @eng.guarded
    def begin_session(self, plan_id: int | None, *, key: str, at: datetime) -> int:
        """Start a session of the person's plan ``plan_id``; the same ``key`` again returns the
        same session. A key is bound to its plan for good: the key of a session of another plan
        (or of another person) is a KeyConflict, never that session."""
        if not 8 <= len(key) <= 64:
            raise StoreError("a session key is 8 to 64 characters")
        found = self._session_with_key(key, plan_id)
        if found is not None:
            return found
        try:
            with self._write() as db:
                if plan_id is not None and self._plan_row(db, plan_id) is None:
                    raise NoSuchRecord(f"no plan {plan_id} in {self.where}")
                row = SessionRow(
                    person_id=self.person_id,
                    plan_id=plan_id,
                    key=key,
                    started_at=as_utc(at),
                    status="in_progress",
                )
                db.add(row)
                db.flush()
                return row.id
        except IntegrityError:  # the same key landed from another process meanwhile
            again = self._session_with_key(key, plan_id)
            if again is None:
                raise
            return again

    def _plan_row(self, db: Session, plan_id: int) -> PlanRow | None:
        row = db.get(PlanRow, plan_id)
        return row if row is not None and row.person_id == self.person_id else None

    def _session_row(self, db: Session, session_id: int) -> SessionRow:
        row = db.get(SessionRow, session_id)
        if row is None or row.person_id != self.person_id:
            raise NoSuchRecord(f"no session {session_id} in {self.where}")
        return row

    def _session_with_key(self, key: str, plan_id: int | None) -> int | None:
        """The id of the person's session ``key`` of ``plan_id``, or None when there is none."""
        with self._read() as db:
            row = db.execute(
                select(SessionRow.id, SessionRow.person_id, SessionRow.plan_id).where(
                    SessionRow.key == key
                )
            ).first()
        if row is None:
            return None
        if row.person_id != self.person_id:
            raise KeyConflict("this session key is already in use; make a new one")
        if row.plan_id != plan_id:
            raise KeyConflict(
                f"session {key} is a session of plan {row.plan_id}, not of plan {plan_id}"
            )
        return int(row.id)

    @eng.guarded
    def follow_plan(self, session_id: int, plan: Plan) -> int:
        """Keep ``plan`` and make session ``session_id`` follow it (an easier variant came in
        during the session); return the new plan's id."""
        with self._write() as db:
            session = self._session_row(db, session_id)
            row = PlanRow(
                person_id=self.person_id, kind="daily", created_at=now(), body=plan_body(plan)
            )
            db.add(row)
            db.flush()
            session.plan_id = row.id
            return row.id

    @eng.guarded
    def record(self, session_id: int, event: SessionEvent, *, plan_id: int | None = None) -> bool:
        """Store one event of the person's session ``session_id``; False when its key was
        stored before (a key of another person's session is a KeyConflict). With ``plan_id``,
        a session that follows another plan by now is a KeyConflict too: checked in the
        write itself, so a copy of the session kept by another process cannot get round it."""
        from supple.store import events

        try:
            with self._write() as db:
                session = self._session_row(db, session_id)
                if plan_id is not None and session.plan_id != plan_id:
                    raise KeyConflict(
                        f"session {session.key} is a session of plan {session.plan_id}, "
                        f"not of plan {plan_id}"
                    )
                if self._seen(db, event.key):
                    return False
                events.apply(db, session, event, self.exercises)
                db.add(EventKey(key=event.key, session_id=session_id, type=event.type, at=event.at))
            return True
        except IntegrityError:
            with self._read() as db:
                if self._seen(db, event.key):
                    return False
            raise

    def _seen(self, db: Session, key: str) -> bool:
        """Whether the person stored an event with this key before."""
        found = db.get(EventKey, key)
        if found is None:
            return False
        owner = db.scalar(select(SessionRow.person_id).where(SessionRow.id == found.session_id))
        if owner != self.person_id:
            raise KeyConflict("this event key is already in use; make a new one")
        return True

    @eng.guarded
    def unfinished_session(self) -> SessionState | None:
        """The latest session still in progress, with what it holds so far (for resuming)."""
        from supple.store import events

        with self._read() as db:
            row = db.scalar(
                select(SessionRow)
                .where(SessionRow.person_id == self.person_id)
                .where(SessionRow.status == "in_progress")
                .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
                .limit(1)
            )
            return None if row is None else events.state(db, row)

    @eng.guarded
    def session_state(self, session_id: int) -> SessionState:
        """What the person's session ``session_id`` holds so far (StoreError for another's)."""
        from supple.store import events

        with self._read() as db:
            return events.state(db, self._session_row(db, session_id))

    @eng.guarded
    def close_unfinished(self, before: datetime, *, at: datetime) -> int:
        """Mark the person's sessions begun before ``before`` and still in progress as stopped
        at ``at``; return how many."""
        with self._write() as db:
            done = db.execute(
                update(SessionRow)
                .where(SessionRow.person_id == self.person_id)
                .where(SessionRow.status == "in_progress")
                .where(SessionRow.started_at < as_utc(before))
                .values(status="stopped", ended_at=as_utc(at))
            )
            return cast("CursorResult[Any]", done).rowcount
