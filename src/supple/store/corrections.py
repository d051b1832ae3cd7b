"""Correct and delete what a person entered: pain scores and their notes, notes, and the
activities of the PSFS (renamed, or removed with their scores). Each change keeps the
summaries right in the same transaction, and comes back as a :class:`Change` (before and
after) for the audit log."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from supple.app.records import KEEP, Activity, Change, Keep
from supple.store import engine as eng
from supple.store import summary
from supple.store.base import PersonBase
from supple.store.entries import (
    MAX_NOTE,
    check_score,
    check_text,
    clean_activity,
    clean_note,
)
from supple.store.errors import NameTaken, StoreError
from supple.store.schema import NoteRow, PainRow, PsfsActivity


def _pain(row: PainRow) -> dict[str, Any]:
    return {"score": row.score, "note": row.note, "at": row.at.isoformat(), "moment": row.moment}


Row = TypeVar("Row", PainRow, NoteRow, PsfsActivity)


class CorrectionsMixin(PersonBase):
    """Corrections and deletions, each one short transaction; None when the person has no
    entry with that id."""

    def _own(self, db: Session, table: type[Row], entry_id: int) -> Row | None:
        """The person's row of ``table`` with this id (None for anyone else's)."""
        row = db.get(table, entry_id)
        return row if row is not None and row.person_id == self.person_id else None

    @eng.guarded
    def correct_pain(
        self, pain_id: int, *, score: int | None = None, note: str | Keep | None = KEEP
    ) -> Change | None:
        """Change the score and/or the note (None clears it) of one of the person's pain
        entries."""
        if score is not None:
            check_score(score, "a pain score")
        new_note = note if isinstance(note, Keep) else clean_note(note)
        with self._write() as db:
            row = self._own(db, PainRow, pain_id)
            if row is None:
                return None
            before = _pain(row)
            if score is not None and score != row.score:
                summary.pain_changed(db, self.person_id, row.at, score - row.score, 0)
                row.score = score
            if not isinstance(new_note, Keep):
                row.note = new_note
            return Change("pain", pain_id, "corrected", before, _pain(row))

    @eng.guarded
    def delete_pain(self, pain_id: int) -> Change | None:
        """Remove one of the person's pain entries (a session's pain before or after too)."""
        with self._write() as db:
            row = self._own(db, PainRow, pain_id)
            if row is None:
                return None
            before = _pain(row)
            summary.pain_changed(db, self.person_id, row.at, -row.score, -1)
            db.delete(row)
            return Change("pain", pain_id, "deleted", before, None)

    @eng.guarded
    def correct_note(self, note_id: int, text: str) -> Change | None:
        """Change the text of one of the person's notes."""
        text = check_text(text, "a note").strip()
        if not 1 <= len(text) <= MAX_NOTE:
            raise StoreError(f"a note is 1 to {MAX_NOTE} characters")
        with self._write() as db:
            row = self._own(db, NoteRow, note_id)
            if row is None:
                return None
            before = {"text": row.text}
            row.text = text
            return Change("note", note_id, "corrected", before, {"text": text})

    @eng.guarded
    def delete_note(self, note_id: int) -> Change | None:
        """Remove one of the person's notes."""
        with self._write() as db:
            row = self._own(db, NoteRow, note_id)
            if row is None:
                return None
            db.delete(row)
            return Change("note", note_id, "deleted", {"text": row.text}, None)

    @eng.guarded
    def activities(self) -> list[Activity]:
        """The activities the person named, with their ids, in the order they named them."""
        with self._read() as db:
            rows = db.execute(
                select(PsfsActivity.id, PsfsActivity.name)
                .where(PsfsActivity.person_id == self.person_id)
                .order_by(PsfsActivity.id)
            )
            return [Activity(int(i), name) for i, name in rows]

    @eng.guarded
    def rename_activity(self, activity_id: int, name: str) -> Change | None:
        """Give one of the person's activities a new name (its scores stay with it)."""
        label = clean_activity(name)
        try:
            with self._write() as db:
                row = self._own(db, PsfsActivity, activity_id)
                if row is None:
                    return None
                before = {"name": row.name}
                row.name = label
                db.flush()
                return Change("psfs_activity", activity_id, "corrected", before, {"name": label})
        except IntegrityError:
            raise NameTaken(f"you already have an activity named {label!r}") from None

    @eng.guarded
    def remove_activity(self, activity_id: int) -> Change | None:
        """Remove one of the person's activities and its scores (a free place for another)."""
        with self._write() as db:
            row = self._own(db, PsfsActivity, activity_id)
            if row is None:
                return None
            db.delete(row)  # its scores go with it (ON DELETE CASCADE)
            return Change("psfs_activity", activity_id, "deleted", {"name": row.name}, None)
