"""The plan: what ``supple plan --json`` prints (schema documented in docs/plan-schema.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from supple.library.model import Effort, Tempo
from supple.library.vocab import Position
from supple.planner.phrase import Phrase
from supple.safety.referral import Referral

Bias = Literal["extension", "flexion", "neutral"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlanItem(_Frozen):
    """One exercise of a routine with its dose; ``seconds`` counts both sides and rests."""

    exercise: str
    name: str
    position: Position
    sided: bool
    hold_s: int | None = None
    duration_s: int | None = None
    reps: int = 1
    sets: int = 1
    rest_s: int = 0
    set_rest_s: int | None = Field(
        default=None, description="rest between sets (rest_s when not set)"
    )
    tempo: Tempo | None = Field(
        default=None, description="seconds to lift and to lower around each hold (strength)"
    )
    effort: Effort | None = Field(
        default=None, description="the effort to aim for, 0-10, with repetitions in reserve"
    )
    seconds: int
    why: str = Field(default="", description="why this move is in the routine, in words")
    why_codes: list[Phrase] = Field(
        default_factory=list, description="the codes the words of why are made from"
    )


class Excluded(_Frozen):
    """An exercise left out, and the rule that removed it."""

    exercise: str
    rule: str


class LessonRef(_Frozen):
    """The lesson to read beside today's routine."""

    id: str
    title: str


class WalkTarget(_Frozen):
    """Today's walk in the person's walking plan."""

    seconds: int = Field(ge=0, description="the walk the plan asks for today, in seconds")
    week: int = Field(ge=1, description="the week of the walking plan")
    walked_s: int = Field(default=0, ge=0, description="seconds walked today so far")


class Plan(_Frozen):
    """Either a referral (no exercises when urgent) or a routine with its reasons."""

    status: Literal["plan", "refer"]
    referral: Referral | None = None
    items: list[PlanItem] = Field(default_factory=list)
    total_seconds: int = 0
    bias: Bias | None = None
    bias_reason: str | None = None
    bias_codes: list[Phrase] = Field(default_factory=list)
    gentle: bool = False
    advice: list[str] = Field(default_factory=list)
    advice_codes: list[Phrase] = Field(default_factory=list)
    excluded: list[Excluded] = Field(default_factory=list)
    lesson: LessonRef | None = Field(
        default=None, description="today's lesson (filled in by the application layer)"
    )
    walk: WalkTarget | None = Field(
        default=None, description="today's walk, once a walking plan is started (application)"
    )
