"""Response model of one patient's record for their clinician
(``GET /api/v1/clinician/patients/{patient_id}``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from pydantic import BaseModel, Field

from supple.app.patient_file_rows import SessionEntry
from supple.app.patient_record import PatientRecord, ProgrammeRecord
from supple.app.screening_record import LeftOut, ScreeningRecord
from supple.presentation import item_dose
from supple.web.clinician_schemas import FlagOut, PatientRowOut
from supple.web.schemas import PainPoint, PsfsPoint


def _name(names: Mapping[str, str], exercise: str) -> str:
    return names.get(exercise, exercise.replace("_", " "))


class AnswerOut(BaseModel):
    question: str
    answer: str


class ReferralRuleOut(BaseModel):
    """A referral rule the answers match: its tier, why, the advice given, its source."""

    id: str
    urgency: str = Field(description="emergency, urgent or soon")
    reason: str
    advice: str
    source: str
    routine_allowed: bool = Field(description="whether a routine is given meanwhile")


class MoveRefOut(BaseModel):
    id: str
    name: str


class LeftOutOut(BaseModel):
    """Moves one rule keeps out of the routine."""

    rule: str | None = Field(description="the exclusion rule's id; null: the patient's feedback")
    sentence: str = Field(description="what the rule says of the moves it leaves out")
    source: str
    moves: list[MoveRefOut]

    @classmethod
    def of(cls, found: LeftOut, names: Mapping[str, str]) -> LeftOutOut:
        moves = [MoveRefOut(id=e, name=_name(names, e)) for e in found.exercises]
        return cls(rule=found.rule, sentence=found.sentence, source=found.source, moves=moves)


class ScreeningOut(BaseModel):
    """The latest screening answers and what the safety rules make of them."""

    answered_at: datetime
    answers: list[AnswerOut] = Field(description="each question asked and its answer, in words")
    red_flags_yes: list[str] = Field(description="the red-flag questions answered yes")
    red_flags_asked: int
    tier: str | None = Field(description="the most urgent referral's tier; null: none")
    referral: list[ReferralRuleOut] = Field(description="most urgent first")
    clearances: list[str] = Field(description="checks by a clinician that still count, or lapsed")
    left_out: list[LeftOutOut]

    @classmethod
    def of(cls, s: ScreeningRecord, names: Mapping[str, str]) -> ScreeningOut:
        return cls(
            answered_at=s.answered_at,
            answers=[AnswerOut(question=a.question, answer=a.answer) for a in s.answers],
            red_flags_yes=list(s.red_flags),
            red_flags_asked=s.red_flags_asked,
            tier=s.tier,
            referral=[ReferralRuleOut(**vars(r)) for r in s.referral],
            clearances=list(s.clearances),
            left_out=[LeftOutOut.of(x, names) for x in s.left_out],
        )


class ProgrammeMoveOut(BaseModel):
    exercise: str
    name: str
    dose: str = Field(description="the dose in words")
    hold_s: int | None
    duration_s: int | None
    reps: int
    sets: int
    sided: bool
    seconds: int


class ProgrammeOut(BaseModel):
    """The programme the patient follows now (or why there is none)."""

    assigned: bool | None = Field(description="brought in from a health record; null: none")
    days_per_week: int | None
    total_seconds: int | None
    moves: list[ProgrammeMoveOut]
    missing: str | None = Field(description="why there is no programme, when there is none")

    @classmethod
    def of(cls, p: ProgrammeRecord) -> ProgrammeOut:
        if p.current is None:
            return cls(
                assigned=None, days_per_week=None, total_seconds=None, moves=[], missing=p.missing
            )
        plan = p.current.plan
        moves = [
            ProgrammeMoveOut(
                exercise=i.exercise,
                name=i.name,
                dose=item_dose(i),
                hold_s=i.hold_s,
                duration_s=i.duration_s,
                reps=i.reps,
                sets=i.sets,
                sided=i.sided,
                seconds=i.seconds,
            )
            for i in plan.items
        ]
        return cls(
            assigned=p.current.assigned,
            days_per_week=p.current.days_per_week,
            total_seconds=plan.total_seconds,
            moves=moves,
            missing=None,
        )


class SessionMoveOut(BaseModel):
    index: int
    exercise: str
    name: str
    status: str | None = Field(description="done, skipped, or null when not reached")
    feedback: str | None = Field(description="fine, too_easy, too_hard or painful")
    held_seconds: int | None
    planned_seconds: int | None


class SessionOut(BaseModel):
    id: int
    started_at: datetime
    ended_at: datetime | None
    status: str
    pain_before: int | None
    pain_after: int | None
    moves: list[SessionMoveOut]

    @classmethod
    def of(cls, s: SessionEntry, names: Mapping[str, str]) -> SessionOut:
        moves = [
            SessionMoveOut(
                index=i.index,
                exercise=i.exercise,
                name=_name(names, i.exercise),
                status=i.status,
                feedback=i.feedback,
                held_seconds=i.held_seconds,
                planned_seconds=i.planned_seconds,
            )
            for i in s.items
        ]
        return cls(
            id=s.id,
            started_at=s.started_at,
            ended_at=s.ended_at,
            status=s.status,
            pain_before=s.pain_before,
            pain_after=s.pain_after,
            moves=moves,
        )


class SessionPageOut(BaseModel):
    """One page of the sessions, newest first."""

    page: int
    per_page: int
    pages: int
    total: int
    sessions: list[SessionOut]


class NoteOut(BaseModel):
    id: int
    at: datetime
    text: str
    session_id: int | None


class PatientFlagOut(FlagOut):
    seen: bool = Field(description="marked seen by you (it stays seen until it happens again)")


class PatientOut(BaseModel):
    """One of your patients: answers and safety, programme, sessions, charts' data, notes and
    flags."""

    id: int = Field(description="the patient's account id")
    name: str
    email: str
    today: date
    summary: PatientRowOut = Field(description="the patient's row of the patient list")
    flags: list[PatientFlagOut] = Field(description="every flag that holds, most pressing first")
    screening: ScreeningOut | None = Field(description="null before the first answers")
    programme: ProgrammeOut
    sessions: SessionPageOut
    pain: list[PainPoint] = Field(description="pain scores of the chart window, oldest first")
    psfs: list[PsfsPoint] = Field(description="PSFS scores of the chart window, oldest first")
    notes: list[NoteOut] = Field(description="the latest notes, newest first")

    @classmethod
    def of(cls, r: PatientRecord, names: Mapping[str, str]) -> PatientOut:
        flags = [
            PatientFlagOut(**FlagOut.of(f, names).model_dump(), seen=f.key in r.seen)
            for f in r.flags
        ]
        return cls(
            id=r.account_id,
            name=r.name,
            email=r.email,
            today=r.today,
            summary=PatientRowOut.of(r.summary, names),
            flags=flags,
            screening=None if r.screening is None else ScreeningOut.of(r.screening, names),
            programme=ProgrammeOut.of(r.programme),
            sessions=SessionPageOut(
                page=r.page,
                per_page=r.per_page,
                pages=r.pages,
                total=r.session_count,
                sessions=[SessionOut.of(s, names) for s in r.sessions],
            ),
            pain=[
                PainPoint(day=p.at.astimezone().date(), score=p.score, moment=p.moment)
                for p in r.pain
            ],
            psfs=[PsfsPoint(day=p.day, activity=p.activity, score=p.score) for p in r.psfs],
            notes=[
                NoteOut(id=n.id, at=n.at, text=n.text, session_id=n.session_id) for n in r.notes
            ],
        )
