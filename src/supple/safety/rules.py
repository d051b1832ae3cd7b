"""The safety rules as validated data (``rules.yaml``): referral rules and exclusion rules."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Self

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from supple.library.vocab import Load, Position
from supple.safety.profile import Condition, Profile, RedFlag
from supple.safety.referral import Urgency

SLUG = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


class RulesError(ValueError):
    """The rules file does not validate (a packaging bug, caught by the tests)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReferralRule(_Strict):
    """A red flag: when it matches, the person is told to get checked, with an urgency.

    It matches when any listed flag or condition is present, or when every numeric test given
    (age, how long, how bad) holds.
    """

    id: str = Field(pattern=SLUG)
    urgency: Urgency
    flags: list[RedFlag] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    age_over: int | None = None
    age_under: int | None = None
    pain_weeks_under: float | None = None
    pain_weeks_at_least: float | None = None
    pain_now_at_least: int | None = None
    allow_routine: bool | None = Field(
        default=None, description="give the routine too; default: only for urgency 'soon'"
    )
    gentle: bool = Field(default=False, description="any routine given runs in gentle mode")
    reason: str = Field(min_length=10)
    advice: str = Field(min_length=10)
    source: str = Field(min_length=3)

    @model_validator(mode="after")
    def _has_a_trigger(self) -> Self:
        if not (self.flags or self.conditions or self._numeric()):
            raise ValueError(f"rule {self.id} has nothing to match on")
        return self

    def _numeric(self) -> list[float]:
        return [
            v
            for v in (
                self.age_over,
                self.age_under,
                self.pain_weeks_under,
                self.pain_weeks_at_least,
                self.pain_now_at_least,
            )
            if v is not None
        ]

    @property
    def routine_allowed(self) -> bool:
        if self.allow_routine is not None:
            return self.allow_routine
        return self.urgency == "soon"

    def matches(self, profile: Profile) -> bool:
        """Whether this red flag applies to ``profile``."""
        if set(self.flags) & set(profile.red_flags):
            return True
        if set(self.conditions) & set(profile.conditions):
            return True
        if not self._numeric():
            return False
        age = profile.age
        tests = [
            self.age_over is None or (age is not None and age > self.age_over),
            self.age_under is None or (age is not None and age < self.age_under),
            self.pain_weeks_under is None or profile.pain_weeks < self.pain_weeks_under,
            self.pain_weeks_at_least is None or profile.pain_weeks >= self.pain_weeks_at_least,
            self.pain_now_at_least is None or profile.pain_now >= self.pain_now_at_least,
        ]
        return all(tests)


class When(_Strict):
    """When an exclusion applies; every test given must hold."""

    conditions: list[Condition] = Field(default_factory=list)
    pregnancy_weeks_over: int | None = Field(
        default=None, description="unknown weeks count as past the limit (the cautious reading)"
    )
    can_kneel: bool | None = None
    can_get_to_floor: bool | None = None
    can_lie_on_front: bool | None = None
    gentle_mode: bool | None = None

    def holds(self, profile: Profile, gentle: bool) -> bool:
        if self.conditions and not set(self.conditions) & set(profile.conditions):
            return False
        if self.pregnancy_weeks_over is not None:
            weeks = profile.pregnancy_weeks
            if weeks is not None and weeks <= self.pregnancy_weeks_over:
                return False
        for field in ("can_kneel", "can_get_to_floor", "can_lie_on_front"):
            wanted = getattr(self, field)
            if wanted is not None and getattr(profile, field) != wanted:
                return False
        return self.gentle_mode is None or self.gentle_mode == gentle


class ExclusionRule(_Strict):
    """A hard rule: exercises it catches are never in the plan."""

    id: str = Field(pattern=SLUG)
    when: When = Field(default_factory=When)
    always: bool = False
    loads: list[Load] = Field(default_factory=list)
    end_range: list[Load] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    any_end_range: bool = False
    never_prescribed: bool = False
    missing_equipment: bool = False
    sentence: str = Field(min_length=10, description="completes 'Left out: this exercise ...'")
    source: str = Field(min_length=3)

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


class Rules(_Strict):
    """Every safety rule Supple applies."""

    gentle_pain_at_least: int = Field(ge=1, le=10)
    referrals: list[ReferralRule] = Field(min_length=1)
    exclusions: list[ExclusionRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Self:
        ids = [r.id for r in self.referrals] + [r.id for r in self.exclusions]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"rule ids appear twice: {dupes}")
        return self

    def gentle(self, profile: Profile) -> bool:
        """Whether ``profile`` calls for gentle mode (high pain, or a red flag that asks it)."""
        if profile.pain_now >= self.gentle_pain_at_least:
            return True
        return any(r.gentle and r.matches(profile) for r in self.referrals)

    def referral(self, rule_id: str) -> ReferralRule:
        return next(r for r in self.referrals if r.id == rule_id)


def parse_rules(text: str) -> Rules:
    """Validate the rules document ``text``."""
    try:
        return Rules.model_validate(yaml.safe_load(text))
    except yaml.YAMLError as exc:
        raise RulesError(f"rules.yaml is not valid YAML: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RulesError(f"rules.yaml: field '{where}': {first['msg']}") from None


@cache
def load_rules() -> Rules:
    """The packaged rules, validated once per process."""
    text = resources.files("supple.safety").joinpath("rules.yaml").read_text(encoding="utf-8")
    return parse_rules(text)
