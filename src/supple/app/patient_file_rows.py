"""What the store reads for a clinician's page of one patient: plain rows of one page of
sessions (with their moves and pain), the chart window's pain and PSFS, the notes, and the few
facts triage needs besides the summaries (a fixed number of queries, whatever the history)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from supple.app.records import NoteEntry, PainEntry
from supple.tracking.model import PsfsRecord, SpreadRecord


@dataclass(frozen=True)
class ItemEntry:
    """One move of a session as the patient did it: done or skipped, seconds held, feedback."""

    index: int
    exercise: str
    status: str | None
    feedback: str | None
    held_seconds: int | None
    planned_seconds: int | None


@dataclass(frozen=True)
class SessionEntry:
    """One session with every move of it and the pain scored just before and after."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    status: str
    items: tuple[ItemEntry, ...]
    pain_before: int | None
    pain_after: int | None


@dataclass(frozen=True)
class PatientFileRows:
    """One patient's rows for their clinician's page (sessions newest first, one page)."""

    name: str
    session_count: int
    sessions: list[SessionEntry]
    #: the chart window's pain scores and PSFS scores, oldest first
    pain: list[PainEntry]
    psfs: list[PsfsRecord]
    #: the latest notes, newest first
    notes: list[NoteEntry]
    last_session: date | None
    spreads: list[SpreadRecord]
    seen: set[str] = field(default_factory=set)
    #: the latest screening answers, and when they were given
    answers: dict[str, Any] | None = None
    answered_at: datetime | None = None


__all__ = ["ItemEntry", "PatientFileRows", "SessionEntry"]
