"""Guided sessions: begin, record each event once, resume."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from supple.app.records import SessionState
from supple.store import engine as eng
from supple.store.base import StoreBase
from supple.store.entries import plan_body
from supple.store.errors import StoreError
from supple.store.schema import EventKey, PlanRow, SessionRow
from supple.store.timeutil import as_utc, now

if TYPE_CHECKING:
    from supple.planner.model import Plan
    from supple.session.events import SessionEvent


class SessionsMixin(StoreBase):
    """Sessions and their events."""

    @eng.guarded
    def begin_session(self, plan_id: int | None, *, key: str, at: datetime) -> int:
        """Start a session (the same ``key`` again returns the same session)."""
        if not 8 <= len(key) <= 64:
            raise StoreError("a session key is 8 to 64 characters")
        found = self._session_with_key(key)
        if found is not None:
            return found
        try:
            with self._write() as db:
                if plan_id is not None and db.get(PlanRow, plan_id) is None:
                    raise StoreError(f"no plan {plan_id} in {self.where}")
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
            again = self._session_with_key(key)
            if again is None:
                raise
            return again

    @eng.guarded
    def follow_plan(self, session_id: int, plan: Plan) -> int:
        """Keep ``plan`` and make session ``session_id`` follow it (an easier variant came in
        during the session); return the new plan's id."""
        with self._write() as db:
            session = db.get(SessionRow, session_id)
            if session is None or session.person_id != self.person_id:
                raise StoreError(f"no session {session_id} in {self.where}")
            row = PlanRow(
                person_id=self.person_id, kind="daily", created_at=now(), body=plan_body(plan)
            )
            db.add(row)
            db.flush()
            session.plan_id = row.id
            return row.id

    def _session_with_key(self, key: str) -> int | None:
        with self._read() as db:
            return db.scalar(select(SessionRow.id).where(SessionRow.key == key))

    @eng.guarded
    def record(self, session_id: int, event: SessionEvent) -> bool:
        """Store one session event; False when its key was stored before."""
        from supple.store import events

        try:
            with self._write() as db:
                if db.get(EventKey, event.key) is not None:
                    return False
                session = db.get(SessionRow, session_id)
                if session is None:
                    raise StoreError(f"no session {session_id} in {self.where}")
                events.apply(db, session, event, self.exercises)
                db.add(EventKey(key=event.key, session_id=session_id, type=event.type, at=event.at))
            return True
        except IntegrityError:
            with self._read() as db:
                if db.get(EventKey, event.key) is not None:
                    return False
            raise

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
