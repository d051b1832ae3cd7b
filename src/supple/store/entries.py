"""Profiles, plans, pain scores, PSFS and notes."""

from __future__ import annotations

import unicodedata
from collections.abc import Container, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from supple.store import engine as eng
from supple.store import summary
from supple.store.base import PersonBase
from supple.store.errors import NoSuchRecord, StateConflict, StoreError
from supple.store.schema import (
    NoteRow,
    PainRow,
    Person,
    PlanRow,
    ProfileRow,
    PsfsActivity,
    PsfsScore,
    SessionRow,
)
from supple.store.timeutil import at_or_now

if TYPE_CHECKING:
    from supple.planner.model import Plan
    from supple.safety.profile import Profile

#: The plan kind of a multi-week programme (its body is a ``Programme``, not a ``Plan``): rows of
#: it are read, exported and imported, though nothing makes new ones for now.
PROGRAMME = "programme"
#: Most activities a person names for the Patient-Specific Functional Scale.
MAX_PSFS_ACTIVITIES = 5


def plan_body(plan: Plan) -> dict[str, Any]:
    """A plan as the JSON the plan table keeps."""
    return plan.model_dump(mode="json")


#: Longest note, in characters (a pain entry's or a note of its own).
MAX_NOTE = 2000


def check_score(score: object, what: str) -> None:
    """Refuse anything but a whole number from 0 to 10."""
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
        raise StoreError(f"{what} is a whole number from 0 to 10, not {score!r}")


#: Control characters a note may hold (a name may hold none).
NOTE_CONTROLS = {"\t", "\n", "\r"}


def check_text(text: str, what: str, allowed: Container[str] = NOTE_CONTROLS) -> str:
    """Refuse text with a control character (a NUL, an escape) other than ``allowed``: no
    database keeps a NUL the same way, and no terminal should meet an escape sequence."""
    if not text.isprintable() and any(
        unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text
    ):
        raise StoreError(f"{what} holds a control character; type it as plain text")
    return text


def clean_note(note: str | None) -> str | None:
    """A pain entry's note without surrounding blanks (None when empty); refuse a long one."""
    if note is not None:
        note = check_text(note, "a note").strip() or None
    if note is not None and len(note) > MAX_NOTE:
        raise StoreError(f"a note is at most {MAX_NOTE} characters")
    return note


def clean_activity(name: str) -> str:
    """An activity name with its blanks folded; refuse one shorter than 2 or longer than 80."""
    label = " ".join(check_text(name, "an activity name", ()).split())
    if not 2 <= len(label) <= 80:
        raise StoreError(f"an activity name is 2 to 80 characters: {name!r}")
    return label


class EntriesMixin(PersonBase):
    """What a person answers and logs outside a session."""

    def _insert(self, row: ProfileRow | PlanRow | PainRow) -> int:
        with self._write() as db:
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def save_profile(self, profile: Profile, *, at: datetime | None = None) -> int:
        """Keep the screening answers as given now; earlier answers stay in the history."""
        row = ProfileRow(
            person_id=self.person_id,
            created_at=at_or_now(at),
            answers=profile.model_dump(mode="json"),
        )
        return self._insert(row)

    @eng.guarded
    def latest_profile(self) -> Profile | None:
        """The most recent answers, or None before the first screening."""
        from supple.safety.profile import Profile

        with self._glance() as db:  # one statement, read by every plan
            answers = db.scalar(
                select(ProfileRow.answers)
                .where(ProfileRow.person_id == self.person_id)
                .order_by(ProfileRow.created_at.desc(), ProfileRow.id.desc())
                .limit(1)
            )
        return None if answers is None else Profile.model_validate(answers)

    @eng.guarded
    def profile_history(self, limit: int = 50) -> list[tuple[datetime, Profile]]:
        """The latest ``limit`` versions of the answers with when each was given, newest first."""
        from supple.safety.profile import Profile

        with self._read() as db:
            rows = db.execute(
                select(ProfileRow.created_at, ProfileRow.answers)
                .where(ProfileRow.person_id == self.person_id)
                .order_by(ProfileRow.created_at.desc(), ProfileRow.id.desc())
                .limit(limit)
            ).all()
        return [(at, Profile.model_validate(answers)) for at, answers in rows]

    def _add_plan_row(self, kind: str, body: dict[str, Any], at: datetime | None) -> int:
        return self._insert(
            PlanRow(person_id=self.person_id, kind=kind, created_at=at_or_now(at), body=body)
        )

    @eng.guarded
    def save_plan(self, plan: Plan, *, kind: str = "daily", at: datetime | None = None) -> int:
        """Keep a plan (``kind``: daily, or another label of a single routine); return its id."""
        if not 1 <= len(kind) <= 20:
            raise StoreError("a plan kind is 1 to 20 characters")
        if kind == PROGRAMME:
            raise StoreError("the plan kind 'programme' is kept for multi-week programmes")
        return self._add_plan_row(kind, plan_body(plan), at)

    @eng.guarded
    def find_plan(self, plan_id: int) -> Plan | None:
        """The person's routine with this id, or None (a programme is not a routine)."""
        from supple.planner.model import Plan

        with self._read() as db:
            body = db.scalar(
                select(PlanRow.body)
                .where(PlanRow.id == plan_id)
                .where(PlanRow.person_id == self.person_id)
                .where(PlanRow.kind != PROGRAMME)
            )
        return None if body is None else Plan.model_validate(body)

    @eng.guarded
    def latest_plan(self, kind: str) -> Plan | None:
        """The person's most recent routine of ``kind``, or None."""
        from supple.planner.model import Plan

        with self._read() as db:
            body = db.scalar(
                select(PlanRow.body)
                .where(PlanRow.person_id == self.person_id)
                .where(PlanRow.kind == kind)
                .order_by(PlanRow.created_at.desc(), PlanRow.id.desc())
                .limit(1)
            )
        return None if body is None else Plan.model_validate(body)

    @eng.guarded
    def get_plan(self, plan_id: int) -> Plan:
        """The person's routine with this id (StoreError if there is none)."""
        plan = self.find_plan(plan_id)
        if plan is not None:
            return plan
        with self._read() as db:
            kind = db.scalar(
                select(PlanRow.kind)
                .where(PlanRow.id == plan_id)
                .where(PlanRow.person_id == self.person_id)
            )
        if kind == PROGRAMME:
            raise StoreError(f"plan {plan_id} is a multi-week programme, not one routine")
        raise StoreError(f"no plan {plan_id} in {self.where}")

    @eng.guarded
    def set_days_per_week(self, days: int) -> None:
        """How many days a week the person plans to exercise (adherence counts against it)."""
        if not 1 <= days <= 7:
            raise StoreError(f"days per week must be 1 to 7, not {days}")
        with self._write() as db:
            person = db.get(Person, self.person_id)
            assert person is not None
            person.days_per_week = days

    @eng.guarded
    def log_pain(self, score: int, *, note: str | None = None, at: datetime | None = None) -> int:
        """Keep a daily pain score 0–10 with an optional note; return its id."""
        check_score(score, "a pain score")
        note = clean_note(note)
        row = PainRow(
            person_id=self.person_id,
            at=at_or_now(at),
            score=score,
            moment="daily",
            note=note,
        )
        with self._write() as db:
            summary.pain_changed(db, self.person_id, row.at, score, 1)
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def add_note(
        self, text: str, *, session_id: int | None = None, at: datetime | None = None
    ) -> int:
        """Keep a free-text note, on its own or about a session; return its id."""
        text = check_text(text, "a note").strip()
        if not 1 <= len(text) <= MAX_NOTE:
            raise StoreError(f"a note is 1 to {MAX_NOTE} characters")
        row = NoteRow(
            person_id=self.person_id,
            session_id=session_id,
            at=at_or_now(at),
            text=text,
        )
        with self._write() as db:
            session = None if session_id is None else db.get(SessionRow, session_id)
            if session_id is not None and (session is None or session.person_id != self.person_id):
                raise NoSuchRecord(f"no session {session_id} in {self.where}")
            db.add(row)
            db.flush()
            return row.id

    @eng.guarded
    def psfs_activities(self) -> list[str]:
        """The activities the person named, in the order they named them."""
        with self._read() as db:
            return list(
                db.scalars(
                    select(PsfsActivity.name)
                    .where(PsfsActivity.person_id == self.person_id)
                    .order_by(PsfsActivity.id)
                )
            )

    @eng.guarded
    def save_psfs(self, scores: Mapping[str, int], *, at: datetime | None = None) -> int:
        """Score activities 0–10 (naming new ones, up to five in all); return how many."""
        if not scores:
            raise StoreError("give at least one activity and its score")
        clean: dict[str, int] = {}
        for name, score in scores.items():
            label = clean_activity(name)
            check_score(score, "a PSFS score")
            clean[label] = score
        when = at_or_now(at)
        with self._write() as db:
            known = {
                a.name: a
                for a in db.scalars(
                    select(PsfsActivity).where(PsfsActivity.person_id == self.person_id)
                )
            }
            new = [n for n in clean if n not in known]
            if len(known) + len(new) > MAX_PSFS_ACTIVITIES:
                raise StateConflict(
                    f"the scale holds at most {MAX_PSFS_ACTIVITIES} activities; "
                    f"already named: {', '.join(known) or 'none'}"
                )
            for name in new:
                known[name] = PsfsActivity(person_id=self.person_id, name=name, created_at=when)
                db.add(known[name])
            db.flush()
            for name, score in clean.items():
                db.add(PsfsScore(activity_id=known[name].id, at=when, score=score))
        return len(clean)
