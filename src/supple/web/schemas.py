"""Request and response models of the JSON API (``/api/v1``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, field_validator

from supple.app.records import SessionSummary
from supple.library.jsontypes import Moment, Whole, integral
from supple.planner.model import Plan
from supple.safety.profile import Profile
from supple.safety.referral import Referral
from supple.session.events import (
    EndEvent,
    FeedbackEvent,
    ItemEvent,
    PainEvent,
    SessionEvent,
    SpreadEvent,
)
from supple.session.timeline import Timeline
from supple.web.programme_schemas import SupportOut, WalkingOut
from supple.web.strict import sane_time, strict_input

if TYPE_CHECKING:  # the same types to a type checker; made at run time by strict_input
    ProfileIn = Profile
    SessionEventIn = SessionEvent
else:
    #: The screening answers as the API reads them (strict numbers and booleans, bounded lists).
    ProfileIn = strict_input(Profile, "ProfileIn")
    #: A session event as the API reads it (strict, and at a plausible time).
    SessionEventIn = Annotated[
        strict_input(ItemEvent, "ItemEventIn")
        | strict_input(FeedbackEvent, "FeedbackEventIn")
        | strict_input(PainEvent, "PainEventIn")
        | strict_input(EndEvent, "EndEventIn")
        | strict_input(SpreadEvent, "SpreadEventIn"),
        Field(discriminator="type"),
    ]

ID = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"
#: An exercise id as the schema states it (the pattern and length the API checks).
ExerciseId = Annotated[str, Field(pattern=ID, max_length=60)]
#: Characters that count in free text: neither blanks nor control characters (the store
#: folds blanks and would find nothing left).
_SEEN = r"[^\s\x00-\x1f\x7f-\x9f]"
#: Any character but a control character (what a name may hold).
_NAME = r"[^\x00-\x1f\x7f-\x9f]*"
#: Any character but a control character other than tab and line breaks (what a note may hold).
_TEXT = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*"
#: A PSFS activity: no control character, at least two characters that count, 80 at most.
ActivityName = Annotated[
    str, Field(min_length=2, max_length=80, pattern=f"^{_NAME}{_SEEN}{_NAME}{_SEEN}{_NAME}$")
]
#: A note: no control character but tabs and line breaks, at least one character that counts.
NoteText = Annotated[str, Field(min_length=1, max_length=2000, pattern=f"^{_TEXT}{_SEEN}{_TEXT}$")]
#: A short note on a pain score (may be empty).
PainNote = Annotated[str, Field(max_length=500, pattern=f"^{_TEXT}$")]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(BaseModel):
    """Every error: a one-line ``detail``; validation errors add the field-level ``errors``."""

    detail: str
    errors: list[dict[str, Any]] = Field(default_factory=list)


class ScreeningOut(BaseModel):
    """The verdict on a saved profile: plan (go ahead) or refer (get checked first)."""

    status: Literal["plan", "refer"]
    referral: Referral | None = None
    can_exercise: bool = Field(description="false when the referral says to stop self-guided work")


class PlanRequest(_In):
    """Ask for today's routine; ``minutes`` refits it, ``swaps`` replaces items by variants."""

    minutes: Annotated[int, Field(ge=3, le=60), Strict(), BeforeValidator(integral)] | None = None
    swaps: dict[ExerciseId, ExerciseId] = Field(
        default_factory=dict,
        max_length=20,
        json_schema_extra={
            "propertyNames": {"pattern": ID, "maxLength": 60},
            "additionalProperties": {"pattern": ID, "maxLength": 60, "type": "string"},
        },
        description="plan item exercise id -> the variant to play instead (one of the plan's "
        "alternatives)",
    )

    @field_validator("swaps")
    @classmethod
    def _ids(cls, value: dict[str, str]) -> dict[str, str]:
        for old, new in value.items():
            if old == new:
                raise ValueError(f"{old} cannot replace itself")
        return value


class Alternative(BaseModel):
    """An exercise that can stand in for a plan item."""

    exercise: str
    name: str
    easier: bool


class PlanOut(BaseModel):
    """A plan (saved when ``id`` is set), with the alternatives each item can be swapped for."""

    id: int | None = None
    day: date
    minutes: int
    swaps: dict[str, str] = Field(default_factory=dict)
    plan: Plan
    alternatives: dict[str, list[Alternative]] = Field(
        default_factory=dict, description="plan item exercise id -> its swappable variants"
    )


class SessionStart(_In):
    """Begin a guided session of a saved plan; ``key`` makes a retry harmless."""

    plan_id: Whole = Field(ge=1)
    key: str = Field(min_length=8, max_length=64)
    at: Moment

    @field_validator("at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("at must carry a timezone (e.g. 2026-01-01T10:00:00Z)")
        return sane_time(value)


class SessionOut(BaseModel):
    session_id: int
    key: str


class EasierIn(_In):
    """Take the easier variant of the exercise at ``index``, which hurt."""

    index: Whole = Field(ge=0, lt=1000)


class EasierOut(BaseModel):
    """The session now follows plan ``plan_id``; play ``timeline`` from item ``index``."""

    plan_id: int
    index: int
    timeline: Timeline


class EventOut(BaseModel):
    """``stored`` is false when an event with the same key was already there."""

    stored: bool
    key: str


class PainIn(_In):
    score: Whole = Field(ge=0, le=10)
    note: PainNote | None = None


class PsfsItem(_In):
    activity: ActivityName
    score: Whole = Field(ge=0, le=10)


class PsfsIn(_In):
    """Up to five activities the person finds hard, each scored 0 (cannot) to 10 (as before)."""

    items: list[PsfsItem] = Field(min_length=1, max_length=5)


class SavedOut(BaseModel):
    """A new entry was kept: its id."""

    id: int
    ok: bool = True


class ScoredOut(BaseModel):
    """Scores were kept: how many activities."""

    scored: int
    ok: bool = True


class ExerciseSummary(BaseModel):
    id: str
    name: str
    kind: str
    level: int
    position: str
    regions: list[str]
    equipment: list[str]
    sided: bool
    purpose: str
    avoid: str | None = None


class SettingsIn(_In):
    minutes: Whole = Field(ge=3, le=60)


class PainPoint(BaseModel):
    day: date
    score: int
    moment: str


class PsfsPoint(BaseModel):
    day: date
    activity: str
    score: int


class ProgressOut(BaseModel):
    """What the progress page shows, computed by the tracking domain from the store's records."""

    today: date
    sessions_this_week: int = 0
    planned_this_week: int = 7
    streak: int = 0
    pain_7day: float | None = Field(default=None, description="average pain over the last 7 days")
    pain_baseline: float | None = None
    verdict: str | None = Field(default=None, description="the meaningful-change verdict, in words")
    verdict_kind: str | None = Field(
        default=None, description="better, worse, no_clear_change, no_pain or not_enough_data"
    )
    psfs_verdict: str | None = None
    warnings: list[str] = Field(default_factory=list)
    session_days: list[date] = Field(default_factory=list)
    pain: list[PainPoint] = Field(default_factory=list)
    psfs: list[PsfsPoint] = Field(default_factory=list)
    activities: list[str] = Field(default_factory=list)
    history: list[SessionSummary] = Field(default_factory=list)
    walking: WalkingOut | None = Field(default=None, description="the walking plan's weeks")
    support: SupportOut | None = Field(default=None, description="the support check (issue 11)")
    lessons_read: int = 0


class PainCorrection(_In):
    """What to correct in a pain entry: the score, the note (``null`` clears it), or both."""

    score: Annotated[int, Field(ge=0, le=10), Strict(), BeforeValidator(integral)] | None = None
    note: PainNote | None = None


class NoteIn(_In):
    """A note, on its own or about one of the person's sessions."""

    text: NoteText
    session_id: (
        Annotated[int, Field(ge=1, le=2**31 - 1), Strict(), BeforeValidator(integral)] | None
    ) = None


class NoteCorrection(_In):
    text: NoteText


class ActivityRename(_In):
    name: ActivityName
