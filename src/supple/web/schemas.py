"""Request and response models of the JSON API (``/api/v1``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from supple.app.records import SessionSummary
from supple.planner.model import Plan
from supple.safety.referral import Referral
from supple.session.timeline import Timeline
from supple.web.programme_schemas import SupportOut, WalkingOut

ID = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


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

    minutes: int | None = Field(default=None, ge=3, le=60)
    swaps: dict[str, str] = Field(default_factory=dict, max_length=20)

    @field_validator("swaps")
    @classmethod
    def _ids(cls, value: dict[str, str]) -> dict[str, str]:
        import re

        for old, new in value.items():
            for ident in (old, new):
                if not re.fullmatch(ID, ident) or len(ident) > 60:
                    raise ValueError(f"'{ident[:60]}' is not an exercise id")
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

    plan_id: int = Field(ge=1)
    key: str = Field(min_length=8, max_length=64)
    at: datetime

    @field_validator("at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("at must carry a timezone (e.g. 2026-01-01T10:00:00Z)")
        return value


class SessionOut(BaseModel):
    session_id: int
    key: str


class EasierIn(_In):
    """Take the easier variant of the exercise at ``index``, which hurt."""

    index: int = Field(ge=0, lt=1000)


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
    score: int = Field(ge=0, le=10)
    note: str | None = Field(default=None, max_length=500)


class PsfsItem(_In):
    activity: str = Field(min_length=1, max_length=80)
    score: int = Field(ge=0, le=10)


class PsfsIn(_In):
    """Up to five activities the person finds hard, each scored 0 (cannot) to 10 (as before)."""

    items: list[PsfsItem] = Field(min_length=1, max_length=5)


class SavedOut(BaseModel):
    id: int | None = None
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
    minutes: int = Field(ge=3, le=60)


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
