"""Correcting and deleting what a person entered: a pain score or its note, a note, an
activity of the PSFS (renamed, or removed with its scores).

Every change passes through :func:`_done`, the one place where the audit log of accounts
records who changed what, when (with the values before and after the change).
"""

from __future__ import annotations

from datetime import datetime

from supple.app.errors import NotFound
from supple.app.ports import Records
from supple.app.records import KEEP, Activity, Change, Keep


def _done(change: Change | None, what: str) -> Change:
    """The change made, or NotFound when the person has no such entry. (The audit entry of
    accounts is written here, with ``change.before`` and ``change.after``.)"""
    if change is None:
        raise NotFound(f"no {what}")
    return change


def correct_pain(
    *, store: Records, pain_id: int, score: int | None = None, note: str | Keep | None = KEEP
) -> Change:
    """Correct the score and/or the note (None clears it) of a pain entry."""
    return _done(store.correct_pain(pain_id, score=score, note=note), f"pain entry {pain_id}")


def delete_pain(*, store: Records, pain_id: int) -> Change:
    """Delete a pain entry (progress and the plan forget it at once)."""
    return _done(store.delete_pain(pain_id), f"pain entry {pain_id}")


def add_note(
    *, store: Records, text: str, session_id: int | None = None, at: datetime | None = None
) -> int:
    """Keep a free-text note, on its own or about a session; return its id."""
    return store.add_note(text, session_id=session_id, at=at)


def correct_note(*, store: Records, note_id: int, text: str) -> Change:
    """Replace the text of a note."""
    return _done(store.correct_note(note_id, text), f"note {note_id}")


def delete_note(*, store: Records, note_id: int) -> Change:
    """Delete a note."""
    return _done(store.delete_note(note_id), f"note {note_id}")


def activities(*, store: Records) -> list[Activity]:
    """The activities the person named for the PSFS, with their ids."""
    return store.activities()


def rename_activity(*, store: Records, activity_id: int, name: str) -> Change:
    """Rename an activity of the PSFS (its scores stay with it)."""
    return _done(store.rename_activity(activity_id, name), f"activity {activity_id}")


def remove_activity(*, store: Records, activity_id: int) -> Change:
    """Remove an activity of the PSFS and its scores (a place for another)."""
    return _done(store.remove_activity(activity_id), f"activity {activity_id}")


__all__ = [
    "activities",
    "add_note",
    "correct_note",
    "correct_pain",
    "delete_note",
    "delete_pain",
    "remove_activity",
    "rename_activity",
]
