"""What the store reads for a clinician's patient list: per patient, plain records of the
summaries and the recent window (a fixed number of queries, whatever the history)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from supple.tracking.digest import Day, Week
from supple.tracking.model import FeedbackRecord, PsfsRecord, SpreadRecord
from supple.tracking.triage import RedFlagAnswer


@dataclass
class PatientRecords:
    """One linked patient: who they are, and what triage and the list read about them."""

    account_id: int
    person_id: int
    email: str
    name: str
    since: datetime
    days_per_week: int = 7
    sessions_done: int = 0
    last_session: date | None = None
    first_pain: date | None = None
    baseline: tuple[int, int] = (0, 0)
    days: dict[date, Day] = field(default_factory=dict)
    weeks: dict[date, Week] = field(default_factory=dict)
    feedback: list[FeedbackRecord] = field(default_factory=list)
    psfs: list[PsfsRecord] = field(default_factory=list)
    spreads: list[SpreadRecord] = field(default_factory=list)
    #: the latest screening answers, and the day they were given
    answers: dict[str, Any] | None = None
    answered: date | None = None
    seen: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class CaseloadPage:
    """One page of the list as the store reads it: each patient's records with their red-flag
    answer of the day (``seen`` filled), how many patients match, how many there are in all,
    and their unseen flags in all."""

    rows: list[tuple[PatientRecords, RedFlagAnswer | None]]
    total: int
    every: int
    unseen: int
