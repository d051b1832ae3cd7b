"""The exclusion rule as data: when it is active, and which exercises it keeps out."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from supple.library.vocab import Equipment, Load, Position
from supple.safety.profile import Condition, HipApproach, PainArea, Profile

#: Weeks after a hip replacement during which the precautions apply unless the surgeon says
#: otherwise (NHS trust rehabilitation guides: usually 6 to 12 weeks; we take the longer).
HIP_PRECAUTION_WEEKS = 12

#: How a rule's source is backed, from strongest to weakest.
Evidence = Literal["guideline", "consensus", "weak", "conservative", "own_answers"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def hip_precautions_in_force(profile: Profile) -> bool:
    """Whether hip replacement precautions still apply (unknown weeks: they do)."""
    if "hip_replacement" not in profile.conditions:
        return False
    weeks = profile.hip_replacement_weeks
    return profile.hip_precautions_kept or weeks is None or weeks < HIP_PRECAUTION_WEEKS


class When(_Strict):
    """When an exclusion applies; every test given must hold."""

    conditions: list[Condition] = Field(default_factory=list)
    pain_areas: list[PainArea] = Field(default_factory=list)
    pregnancy_weeks_over: int | None = Field(
        default=None, description="unknown weeks count as past the limit (the cautious reading)"
    )
    hip_approach: list[HipApproach] = Field(
        default_factory=list, description="the hip replacement approach is one of these"
    )
    hip_precautions: bool | None = Field(
        default=None, description="hip precautions are in force (see HIP_PRECAUTION_WEEKS)"
    )
    leg_pain_below_knee: bool | None = None
    without_equipment: list[Equipment] = Field(
        default_factory=list, description="none of these is at hand"
    )
    can_kneel: bool | None = None
    can_get_to_floor: bool | None = None
    can_lie_on_front: bool | None = None
    gentle_mode: bool | None = None

    def holds(self, profile: Profile, gentle: bool) -> bool:
        if self.conditions and not set(self.conditions) & set(profile.conditions):
            return False
        if self.pain_areas and not set(self.pain_areas) & set(profile.pain_areas):
            return False
        if self.pregnancy_weeks_over is not None:
            weeks = profile.pregnancy_weeks
            if weeks is not None and weeks <= self.pregnancy_weeks_over:
                return False
        if self.hip_approach and profile.hip_replacement_approach not in self.hip_approach:
            return False
        wanted_hip = self.hip_precautions
        if wanted_hip is not None and hip_precautions_in_force(profile) != wanted_hip:
            return False
        if self.without_equipment and set(self.without_equipment) & set(profile.equipment):
            return False
        for field in ("leg_pain_below_knee", "can_kneel", "can_get_to_floor", "can_lie_on_front"):
            wanted = getattr(self, field)
            if wanted is not None and getattr(profile, field) != wanted:
                return False
        return self.gentle_mode is None or self.gentle_mode == gentle


class ExclusionRule(_Strict):
    """A hard rule: exercises it catches are never in the plan.

    ``instead`` names, for some of the exercises it removes, a stand-in that the planner offers
    in their place (pregnancy: a side-lying or upright variant of a move done on the back).
    """

    id: str = Field(pattern=r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
    when: When = Field(default_factory=When)
    always: bool = False
    loads: list[Load] = Field(default_factory=list)
    end_range: list[Load] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    any_end_range: bool = False
    never_prescribed: bool = False
    missing_equipment: bool = False
    instead: dict[str, str] = Field(default_factory=dict)
    sentence: str = Field(min_length=10, description="completes 'Left out: this exercise ...'")
    source: str = Field(min_length=3)
    evidence: Evidence

    @model_validator(mode="after")
    def _catches_something(self) -> Self:
        catches = (
            self.loads
            or self.end_range
            or self.positions
            or self.any_end_range
            or self.never_prescribed
            or self.missing_equipment
        )
        if not catches:
            raise ValueError(f"rule {self.id} catches no exercise")
        if self.always == (self.when != When()):
            raise ValueError(f"rule {self.id} needs either 'when' or 'always: true'")
        return self

    def applies(self, profile: Profile, gentle: bool) -> bool:
        """Whether this rule is active for ``profile`` (``gentle``: gentle mode is on)."""
        return self.always or self.when.holds(profile, gentle)
