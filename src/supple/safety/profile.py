"""The profile: a person's answers to the screening questions (a contract: keep these names)."""

from __future__ import annotations

from datetime import date
from typing import Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from supple.library.vocab import Equipment

PainArea = Literal["lower_back", "upper_back", "neck", "buttock_or_leg", "hip"]
Activity = Literal[
    "bending_forward",
    "bending_backward",
    "sitting",
    "standing",
    "walking",
    "lying_down",
    "twisting",
]
RedFlag = Literal[
    "bladder_or_bowel_change",
    "saddle_numbness",
    "leg_weakness_or_numbness_worsening",
    "both_legs_symptoms",
    "chest_pain",
    "fever_or_chills",
    "unexplained_weight_loss",
    "cancer_history",
    "major_trauma",
    "minor_trauma_with_osteoporosis_or_steroids",
    "constant_night_pain",
    "immunosuppression_or_iv_drug_use",
    "severe_pain_not_easing_for_days",
    "trouble_walking",
    "sexual_dysfunction_new",
    "stroke_like_signs",
    "sudden_severe_headache",
    "hand_clumsiness_or_unsteady_walking",
    "recent_neck_injury_or_manipulation",
    "thoracic_pain_non_mechanical",
    "recent_infection_or_spinal_procedure",
    "pulsing_abdominal_pain",
    "pregnancy_warning_signs",
    "morning_stiffness_over_30_min",
    "pain_better_with_exercise_not_rest",
]
Condition = Literal[
    "pregnancy",
    "osteoporosis",
    "hip_replacement",
    "recent_spinal_surgery",
    "spinal_stenosis",
    "spondylolisthesis",
    "disc_herniation",
    "knee_problem",
    "wrist_problem",
    "balance_problem",
    "glaucoma_or_high_blood_pressure",
    "hypermobility",
    "shoulder_problem",
]
#: Referral rules with no red flag of their own that a clinician's check clears by rule id.
ClearableRule = Literal[
    "no_improvement_4_weeks", "new_pain_past_50", "new_pain_under_20", "recent_spinal_surgery"
]
HipApproach = Literal["posterior", "anterior", "unknown"]

PAIN_AREAS: tuple[str, ...] = get_args(PainArea)
ACTIVITIES: tuple[str, ...] = get_args(Activity)
RED_FLAGS: tuple[str, ...] = get_args(RedFlag)
CONDITIONS: tuple[str, ...] = get_args(Condition)
CLEARABLE_RULES: tuple[str, ...] = get_args(ClearableRule)
HIP_APPROACHES: tuple[str, ...] = get_args(HipApproach)

#: What most homes have; a profile that says nothing about equipment gets these.
HOUSEHOLD_EQUIPMENT: tuple[Equipment, ...] = ("mat", "towel_or_strap", "chair", "wall", "doorway")
#: Pregnancy outside these ages is refused as a contradiction (most likely a typing slip).
PREGNANCY_AGES = (12, 60)


class Clearance(BaseModel):
    """A clinician checked this sign (a red-flag id, or a clearable rule id) on a date."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    flag: RedFlag | ClearableRule
    on: date
    by: str = Field(min_length=1, max_length=120)


class Profile(BaseModel):
    """One person's screening answers. Unknown fields and out-of-range values are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pain_areas: list[PainArea] = Field(default_factory=lambda: list[PainArea](["lower_back"]))
    pain_now: int = Field(default=3, ge=0, le=10)
    pain_weeks: float = Field(default=2, ge=0, le=1040)
    eases_with: list[Activity] = Field(default_factory=list)
    worse_with: list[Activity] = Field(default_factory=list)
    red_flags: list[RedFlag] = Field(default_factory=list)
    cleared: list[Clearance] = Field(default_factory=list)
    leg_pain_below_knee: bool = False
    conditions: list[Condition] = Field(default_factory=list)
    pregnancy_weeks: int | None = Field(default=None, ge=0, le=42)
    hip_replacement_approach: HipApproach = "unknown"
    hip_replacement_weeks: float | None = Field(default=None, ge=0, le=1040)
    hip_precautions_kept: bool = False
    age: int | None = Field(default=None, ge=12, le=110)
    can_get_to_floor: bool = True
    can_kneel: bool = True
    can_lie_on_front: bool = True
    equipment: list[Equipment] = Field(default_factory=lambda: list(HOUSEHOLD_EQUIPMENT))
    minutes: int = Field(default=15, ge=3, le=60)

    @model_validator(mode="after")
    def _no_contradictions(self) -> Self:
        if self.pregnancy_weeks is not None and "pregnancy" not in self.conditions:
            raise ValueError("pregnancy_weeks is given but conditions does not include pregnancy")
        low, high = PREGNANCY_AGES
        if "pregnancy" in self.conditions and self.age is not None and not low <= self.age <= high:
            raise ValueError(
                f"pregnancy at age {self.age} does not fit: check the age or the conditions"
            )
        hip_answers = (
            self.hip_replacement_weeks is not None
            or self.hip_replacement_approach != "unknown"
            or self.hip_precautions_kept
        )
        if hip_answers and "hip_replacement" not in self.conditions:
            raise ValueError(
                "hip replacement details are given but conditions does not include hip_replacement"
            )
        both = set(self.eases_with) & set(self.worse_with)
        if both:
            raise ValueError(f"{sorted(both)[0]} is in both eases_with and worse_with")
        return self
