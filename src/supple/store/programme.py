"""The programme's records of one person: walks and the walking plan, lessons read, movement
tests, and the support questionnaire (leg symptoms spreading in a session arrive as a session
event, ``supple.store.events``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select

from supple.app.records import SessionState
from supple.store import engine as eng
from supple.store.base import PersonBase
from supple.store.errors import StoreError
from supple.store.schema import (
    DirectionRow,
    LessonReadRow,
    QuestionnaireRow,
    SessionRow,
    WalkPlanRow,
    WalkRow,
)
from supple.store.timeutil import at_or_now

#: A walk logged in one go is at most 5 hours; a comfortable starting walk is 1 to 60 minutes.
MAX_WALK_S = 5 * 60 * 60
START_RANGE_S = (60, 60 * 60)


class ProgrammeMixin(PersonBase):
    """Walks, lessons read, movement tests and questionnaire answers."""

    def _add(self, row: WalkRow | WalkPlanRow | DirectionRow | QuestionnaireRow) -> int:
        with self._write() as db:
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def start_walking(self, comfortable_s: int, *, at: datetime | None = None) -> int:
        """Begin (or begin again) the walking plan from what the person walks comfortably."""
        low, high = START_RANGE_S
        if not low <= comfortable_s <= high:
            raise StoreError("a comfortable walk is 1 to 60 minutes")
        row = WalkPlanRow(
            person_id=self.person_id, started_at=at_or_now(at), comfortable_s=comfortable_s
        )
        return self._add(row)

    @eng.guarded
    def log_walk(self, seconds: int, *, at: datetime | None = None) -> int:
        """Keep a walk of ``seconds``; return its id."""
        if not 1 <= seconds <= MAX_WALK_S:
            raise StoreError("a walk is more than 0 and at most 300 minutes")
        return self._add(WalkRow(person_id=self.person_id, at=at_or_now(at), seconds=seconds))

    @eng.guarded
    def mark_read(self, lesson: str, *, at: datetime | None = None) -> bool:
        """Mark ``lesson`` read; False when it was read before (the first time is kept)."""
        if not 1 <= len(lesson) <= 60:
            raise StoreError("a lesson id is 1 to 60 characters")
        with self._write() as db:
            seen = db.scalar(
                select(LessonReadRow.id)
                .where(LessonReadRow.person_id == self.person_id)
                .where(LessonReadRow.lesson == lesson)
            )
            if seen is not None:
                return False
            db.add(LessonReadRow(person_id=self.person_id, lesson=lesson, at=at_or_now(at)))
            return True

    @eng.guarded
    def lessons_read(self) -> dict[str, datetime]:
        """Every lesson the person read, with when they first read it."""
        with self._read() as db:
            rows = db.execute(
                select(LessonReadRow.lesson, LessonReadRow.at)
                .where(LessonReadRow.person_id == self.person_id)
                .order_by(LessonReadRow.at, LessonReadRow.id)
            )
            return {lesson: at for lesson, at in rows}

    @eng.guarded
    def latest_session(self) -> SessionState | None:
        """The person's most recent session of a plan, whatever its status (what the question
        after a session is about)."""
        from supple.store import events

        with self._read() as db:
            row = db.scalar(
                select(SessionRow)
                .where(SessionRow.person_id == self.person_id)
                .where(SessionRow.plan_id.is_not(None))
                .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
                .limit(1)
            )
            return None if row is None else events.state(db, row)

    @eng.guarded
    def save_direction_test(self, answers: Mapping[str, Any], *, at: datetime | None = None) -> int:
        """Keep the answers of a directional-preference test (validated by the caller)."""
        row = DirectionRow(
            person_id=self.person_id, at=at_or_now(at), source="test", answers=dict(answers)
        )
        return self._add(row)

    @eng.guarded
    def save_questionnaire(
        self,
        answers: Mapping[str, int],
        *,
        instrument: str,
        score: int,
        tier: str,
        at: datetime | None = None,
    ) -> int:
        """Keep the support questionnaire's answers with their score and group."""
        if tier not in ("low", "medium", "high") or not 0 <= score <= 100:
            raise StoreError(f"a questionnaire scores 0 to 100 in a group, not {score} {tier!r}")
        row = QuestionnaireRow(
            person_id=self.person_id,
            at=at_or_now(at),
            instrument=instrument,
            answers=dict(answers),
            score=score,
            tier=tier,
        )
        return self._add(row)


__all__ = ["MAX_WALK_S", "ProgrammeMixin"]
