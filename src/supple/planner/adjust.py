"""Adjustments: what tracking has learned about a person, handed back to the planner.

The tracking area builds an :class:`Adjustments` from session feedback (an exercise marked
"painful" twice is replaced by its regression, "too easy" twice by its progression, a move that
keeps hurting is left out, steady weeks earn hold steps); :func:`supple.planner.make_plan`
honours it. A replacement still passes every safety exclusion: if it does not, the exercise is
left out and the plan says why.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from supple.planner.direction import Findings
from supple.planner.phrase import Phrase
from supple.planner.steps import MAX_HOLD_STEP, MAX_LOAD_STEP, MIN_LOAD_STEP


class Adjustments(BaseModel):
    """Per-person changes to the routine, learned from feedback."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    replace: dict[str, str] = Field(
        default_factory=dict,
        description="exercise id -> variant id to use instead (a regression or a progression)",
    )
    leave_out: dict[str, str] = Field(
        default_factory=dict, description="exercise id -> the reason it is left out, in plain words"
    )
    hold_step: int = Field(
        default=0, ge=0, le=MAX_HOLD_STEP, description="weekly hold progression steps earned"
    )
    load_steps: dict[str, int] = Field(
        default_factory=dict,
        description="strength move id -> load step earned (-1 fewer repetitions, 1 more, "
        "2 a set more; see supple.planner.steps)",
    )
    direction: Findings | None = Field(
        default=None,
        description="what a directional-preference test and the sessions found (bias, avoid)",
    )
    notes: list[Phrase] = Field(
        default_factory=list,
        description="notes shown with the plan (codes; words are made by supple.presentation)",
    )

    @field_validator("load_steps")
    @classmethod
    def _steps_in_range(cls, value: dict[str, int]) -> dict[str, int]:
        for ex_id, step in value.items():
            if not MIN_LOAD_STEP <= step <= MAX_LOAD_STEP:
                raise ValueError(f"{ex_id}: a load step is {MIN_LOAD_STEP} to {MAX_LOAD_STEP}")
        return value

    @field_validator("replace")
    @classmethod
    def _no_self_replacement(cls, value: dict[str, str]) -> dict[str, str]:
        for old, new in value.items():
            if old == new:
                raise ValueError(f"{old} cannot replace itself")
        return value

    def resolve(self, exercise_id: str) -> str:
        """The id to use for ``exercise_id`` after following replacements (cycles stop)."""
        seen = {exercise_id}
        current = exercise_id
        while current in self.replace:
            nxt = self.replace[current]
            if nxt in seen:
                break
            seen.add(nxt)
            current = nxt
        return current


NO_ADJUSTMENTS = Adjustments()
