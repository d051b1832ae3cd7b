"""One patient's record as their clinician reads it: the screening answers in words, the safety
rules they fired and what they leave out of the routine (each rule with its source), the current
programme, the sessions a page at a time with every move's feedback, the pain and PSFS series
for the charts, the notes, and the triage flags with their reasons.

Its cost does not grow with the history: one page of sessions is read, the charts cover a
window, and the figures come from the summaries the store keeps up to date.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Protocol, cast

from supple.app import caseload
from supple.app.caseload import PatientSummary
from supple.app.caseload_records import PatientRecords
from supple.app.errors import Conflict, NoProfile
from supple.app.exports import CurrentProgramme, current_programme
from supple.app.identity import CareLink
from supple.app.patient_file_rows import PatientFileRows, SessionEntry
from supple.app.plans import PlanRequest
from supple.app.ports import Records
from supple.app.records import NoteEntry, PainEntry
from supple.app.screening_record import ScreeningRecord, screening_record
from supple.library.model import Exercise
from supple.planner.model import Plan
from supple.tracking.digest import Digest
from supple.tracking.model import PsfsRecord, TrackingInput
from supple.tracking.triage import Flag

#: Sessions a page shows.
PER_PAGE = 20
#: Days of pain and PSFS scores the charts show, ending today.
CHART_DAYS = 365
#: Notes shown, the latest first.
NOTES_SHOWN = 50


class PatientFileSource(Records, Protocol):
    """A patient's records, and the rows of their clinician's page."""

    def patient_file(
        self,
        *,
        clinician_id: int,
        patient_id: int,
        today: date,
        offset: int = 0,
        limit: int = 20,
        since: date | None = None,
        notes: int = 50,
    ) -> PatientFileRows: ...


class _DigestOnce:
    """``store`` with its digest read once: the flags, the days a week and what tracking learned
    for the programme all read it, and each read is a round trip or two to the database."""

    def __init__(self, store: PatientFileSource) -> None:
        self._store = store
        self._digests: dict[date | None, Digest] = {}

    def tracking_digest(self, today: date | None = None) -> Digest:
        if today not in self._digests:
            self._digests[today] = self._store.tracking_digest(today)
        return self._digests[today]

    def tracking_window(
        self, today: date | None = None, *, since: date
    ) -> tuple[TrackingInput, Digest]:
        if today in self._digests:
            return self._store.tracking_input(today, since=since), self._digests[today]
        records, self._digests[today] = self._store.tracking_window(today, since=since)
        return records, self._digests[today]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


@dataclass(frozen=True)
class ProgrammeRecord:
    """The programme the patient follows now, or why there is none."""

    current: CurrentProgramme | None
    missing: str | None = None


@dataclass(frozen=True)
class PatientRecord:
    """Everything the clinician's page of one patient shows."""

    account_id: int
    name: str
    email: str
    today: date
    summary: PatientSummary
    #: every flag that holds, most pressing first; ``seen`` the keys marked seen
    flags: list[Flag]
    seen: frozenset[str]
    screening: ScreeningRecord | None
    programme: ProgrammeRecord
    sessions: list[SessionEntry]
    session_count: int
    page: int
    per_page: int
    pain: list[PainEntry]
    psfs: list[PsfsRecord]
    notes: list[NoteEntry]

    @property
    def pages(self) -> int:
        return max(1, -(-self.session_count // self.per_page))


def programme_record(
    *,
    store: Records,
    library: Mapping[str, Exercise],
    today: date,
    make: Callable[[PlanRequest], Plan] | None = None,
) -> ProgrammeRecord:
    """The patient's current programme, as their handout prints it (or why there is none)."""
    try:
        found = current_programme(store=store, library=library, today=today, make=make)
        return ProgrammeRecord(found)
    except (NoProfile, Conflict) as exc:
        return ProgrammeRecord(None, str(exc))


def _triage(rows: PatientFileRows, store: Records, link: CareLink, today: date) -> PatientRecords:
    d = store.tracking_digest(today)
    return PatientRecords(
        account_id=link.patient.id,
        person_id=link.patient.person_id or 0,
        email=link.patient.email,
        name=rows.name,
        since=link.since,
        days_per_week=d.days_per_week,
        sessions_done=d.sessions_done,
        last_session=rows.last_session,
        first_pain=d.first_pain,
        baseline=d.baseline,
        days=dict(d.days),
        weeks=dict(d.weeks),
        feedback=list(d.feedback),
        psfs=list(d.psfs),
        spreads=list(rows.spreads),
        answers=rows.answers,
        answered=None if rows.answered_at is None else rows.answered_at.astimezone().date(),
        seen=set(rows.seen),
    )


def patient_record(
    *,
    store: PatientFileSource,
    library: Mapping[str, Exercise],
    link: CareLink,
    today: date,
    page: int = 1,
    per_page: int = PER_PAGE,
    make: Callable[[PlanRequest], Plan] | None = None,
) -> PatientRecord:
    """The record of the patient of ``link`` for their clinician, with the ``page``-th page of
    ``per_page`` sessions (newest first); ``make`` makes the programme's plan of a request, as
    :func:`supple.app.exports.current_programme` says."""
    page, per_page = max(1, page), max(1, min(per_page, 100))
    store = cast("PatientFileSource", _DigestOnce(store))
    rows = store.patient_file(
        clinician_id=link.clinician_id,
        patient_id=link.patient.id,
        today=today,
        offset=(page - 1) * per_page,
        limit=per_page,
        since=today - timedelta(days=CHART_DAYS - 1),
        notes=NOTES_SHOWN,
    )
    records = _triage(rows, store, link, today)
    summary = caseload.summarize(records, today)
    every = caseload.summarize(replace(records, seen=set()), today).flags
    programme = programme_record(store=store, library=library, today=today, make=make)
    return PatientRecord(
        account_id=link.patient.id,
        name=summary.name,
        email=link.patient.email,
        today=today,
        summary=summary,
        flags=every,
        seen=frozenset(rows.seen),
        screening=screening_record(
            rows.answers,
            rows.answered_at,
            library=library,
            programme=programme.current,
            today=today,
        ),
        programme=programme,
        sessions=rows.sessions,
        session_count=rows.session_count,
        page=page,
        per_page=per_page,
        pain=rows.pain,
        psfs=rows.psfs,
        notes=rows.notes,
    )


__all__ = [
    "CHART_DAYS",
    "NOTES_SHOWN",
    "PER_PAGE",
    "PatientFileSource",
    "PatientRecord",
    "ProgrammeRecord",
    "patient_record",
    "programme_record",
]
