"""Plain, read-only records the use cases hand back besides domain objects (the store fills
them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from supple.planner.model import Plan, PlanItem
    from supple.tracking.model import PainRecord, PsfsRecord, SessionRecord


@dataclass(frozen=True)
class SessionState:
    """An unfinished session, enough to resume it: what is done, skipped and felt so far."""

    id: int
    key: str
    plan_id: int | None
    plan: Plan | None
    started_at: datetime
    done: frozenset[int] = frozenset()
    skipped: frozenset[int] = frozenset()
    held_seconds: dict[int, int] = field(default_factory=dict)
    feedback: dict[int, str] = field(default_factory=dict)
    pain_before: int | None = None
    events: int = 0

    @property
    def next_index(self) -> int:
        """The first item index neither done nor skipped."""
        index = 0
        while index in self.done or index in self.skipped:
            index += 1
        return index


@dataclass(frozen=True)
class SessionSummary:
    """One past session, for the history."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    status: str
    done: int
    skipped: int
    seconds_held: int
    pain_before: int | None
    pain_after: int | None


@dataclass(frozen=True)
class PainEntry:
    """One pain score, for the history."""

    id: int
    at: datetime
    score: int
    moment: str
    note: str | None
    session_id: int | None


@dataclass(frozen=True)
class History:
    """The most recent sessions, pain scores and notes, newest first."""

    sessions: list[SessionSummary]
    pain: list[PainEntry]
    notes: list[NoteEntry] = field(default_factory=list)


@dataclass(frozen=True)
class NoteEntry:
    """One free-text note, for the history."""

    id: int
    at: datetime
    text: str
    session_id: int | None


@dataclass(frozen=True)
class Activity:
    """One activity the person named for the PSFS."""

    id: int
    name: str


@dataclass(frozen=True)
class Change:
    """One correction or deletion of an entry: which, and its values before and after (None
    after a deletion). The audit log of accounts keeps these."""

    kind: Literal["pain", "note", "psfs_activity"]
    id: int
    action: Literal["corrected", "deleted"]
    before: dict[str, Any]
    after: dict[str, Any] | None


class Keep(Enum):
    """A value a correction leaves as it is (``KEEP``)."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True)
class ImportedProgramme:
    """A programme and its outcomes read from elsewhere (a FHIR bundle), to keep as records."""

    items: tuple[PlanItem, ...]
    days_per_week: int | None = None
    pain: tuple[PainRecord, ...] = ()
    psfs: tuple[PsfsRecord, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()
