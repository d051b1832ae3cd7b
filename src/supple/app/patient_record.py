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
from datetime import date, datetime, timedelta
from typing import Any, Protocol, cast

from pydantic import ValidationError

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
from supple.library.model import Exercise
from supple.planner.model import Plan
from supple.safety.exclusions import exclusions
from supple.safety.profile import Profile
from supple.safety.profile_input import profile_from
from supple.safety.question import Question
from supple.safety.questions import QUESTIONS
from supple.safety.rules import load_rules
from supple.safety.screen import assess
from supple.tracking.digest import Digest
from supple.tracking.model import PsfsRecord
from supple.tracking.triage import Flag

#: Sessions a page shows.
PER_PAGE = 20
#: Days of pain and PSFS scores the charts show, ending today.
CHART_DAYS = 365
#: Notes shown, the latest first.
NOTES_SHOWN = 50
#: Where a move left out after the patient's own feedback comes from.
FEEDBACK_SOURCE = "the patient's feedback in their sessions"


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

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


@dataclass(frozen=True)
class Answer:
    """One screening question and the patient's answer, in words."""

    question: str
    answer: str


@dataclass(frozen=True)
class FiredRule:
    """A referral rule the answers match (after clearances): how urgent, why, its source."""

    id: str
    urgency: str
    reason: str
    advice: str
    source: str
    routine_allowed: bool


@dataclass(frozen=True)
class LeftOut:
    """Moves one rule keeps out of the routine: the rule (None: the patient's feedback), what
    it says, its source and the moves' ids."""

    rule: str | None
    sentence: str
    source: str
    exercises: tuple[str, ...]


@dataclass(frozen=True)
class ScreeningRecord:
    """The latest answers, what the safety rules make of them and what they leave out."""

    answered_at: datetime
    answers: tuple[Answer, ...]
    #: the red-flag questions answered yes
    red_flags: tuple[str, ...]
    red_flags_asked: int
    referral: tuple[FiredRule, ...]
    clearances: tuple[str, ...]
    left_out: tuple[LeftOut, ...]

    @property
    def tier(self) -> str | None:
        """The most urgent referral's urgency (None: no referral)."""
        return self.referral[0].urgency if self.referral else None


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


def _words(question: Question, value: Any) -> str:
    named = dict(question.choices)
    if question.kind == "choices":
        return ", ".join(named.get(v, str(v)) for v in value) if value else "none"
    if question.kind == "one_of":
        return named.get(value, str(value))
    if question.kind == "yes_no":
        return "yes" if value else "no"
    if value is None:
        return "not given"
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def answer_lines(profile: Profile) -> tuple[tuple[Answer, ...], tuple[str, ...], int]:
    """The questions asked of this patient with their answers, the red-flag questions they
    answered yes, and how many red-flag questions they were asked."""
    given = profile.model_dump()
    lines: list[Answer] = []
    yes: list[str] = []
    asked = 0
    for q in QUESTIONS:
        if not q.asked_if(given):
            continue
        if q.kind == "red_flag":
            asked += 1
            if q.flag in profile.red_flags:
                yes.append(q.text)
        elif q.kind == "clearance":
            checks = [
                f"{c.flag.replace('_', ' ')}: by {c.by} on {c.on:%d %b %Y}" for c in profile.cleared
            ]
            lines.append(Answer(q.text, "; ".join(checks) or "no"))
        else:
            lines.append(Answer(q.text, _words(q, given.get(q.field))))
    return tuple(lines), tuple(yes), asked


def left_out(
    profile: Profile, library: Mapping[str, Exercise], programme: CurrentProgramme | None
) -> tuple[LeftOut, ...]:
    """What the safety rules keep out of this patient's routine, by rule with its source; then
    what the programme leaves out after their feedback."""
    rules = load_rules()
    by_rule: dict[str, list[str]] = {}
    sentences: dict[str, str] = {}
    ruled = exclusions(profile, library.values(), rules)
    for exercise, ruling in ruled.items():
        by_rule.setdefault(ruling.rule_id, []).append(exercise)
        sentences.setdefault(ruling.rule_id, rules.exclusion(ruling.rule_id).sentence)
    found = [
        LeftOut(rule, sentences[rule], rules.exclusion(rule).source, tuple(moves))
        for rule, moves in by_rule.items()
    ]
    if programme is not None:
        feedback: dict[str, list[str]] = {}
        for e in programme.plan.excluded:
            if e.exercise not in ruled:
                feedback.setdefault(e.rule, []).append(e.exercise)
        found += [LeftOut(None, why, FEEDBACK_SOURCE, tuple(m)) for why, m in feedback.items()]
    return tuple(found)


def screening_record(
    answers: Mapping[str, Any] | None,
    answered_at: datetime | None,
    *,
    library: Mapping[str, Exercise],
    programme: CurrentProgramme | None,
    today: date,
) -> ScreeningRecord | None:
    """The screening part of the record (None before the first answers, or for answers an
    older version kept that no longer read)."""
    if answers is None or answered_at is None:
        return None
    try:
        profile = profile_from(dict(answers))
    except (ValidationError, ValueError):
        return None
    found = assess(profile, today=today)
    lines, yes, asked = answer_lines(profile)
    return ScreeningRecord(
        answered_at=answered_at,
        answers=lines,
        red_flags=yes,
        red_flags_asked=asked,
        referral=tuple(
            FiredRule(r.id, r.urgency, r.reason, r.advice, r.source, r.routine_allowed)
            for r in found.rules
        ),
        clearances=tuple(found.notes()),
        left_out=left_out(profile, library, programme),
    )


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
    "PER_PAGE",
    "Answer",
    "FiredRule",
    "LeftOut",
    "PatientFileSource",
    "PatientRecord",
    "ProgrammeRecord",
    "ScreeningRecord",
    "answer_lines",
    "left_out",
    "patient_record",
    "programme_record",
    "screening_record",
]
