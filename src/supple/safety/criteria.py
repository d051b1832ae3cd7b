"""Criteria: a data-driven test on a profile, with ``all_of`` / ``any_of`` groups.

Red flags are weighed, not counted (IFOMPT framework, Finucane 2020): a risk factor such as a
past cancer counts only together with a symptom. A rule writes that combination as data, for
example ``all_of: [{flags: [cancer_history]}, {any_of: [{age_over: 50}, ...]}]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from supple.safety.profile import Condition, PainArea, Profile, RedFlag

WEEKS_PER_YEAR = 52.18


class Criteria(BaseModel):
    """A test on a profile: every part that is given must hold.

    ``flags``, ``conditions`` and ``pain_areas`` hold when any listed value is present; the
    numbers compare the profile's answers; ``all_of`` and ``any_of`` combine nested criteria.
    An unknown age fails every age test except ``age_known: false``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    flags: list[RedFlag] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    pain_areas: list[PainArea] = Field(default_factory=list)
    age_over: int | None = None
    age_under: int | None = None
    age_known: bool | None = None
    onset_age_under: int | None = Field(
        default=None, description="the person's age when this bout began (age minus its weeks)"
    )
    pain_weeks_under: float | None = None
    pain_weeks_at_least: float | None = None
    pain_now_at_least: int | None = None
    all_of: list[Criteria] = Field(default_factory=list)
    any_of: list[Criteria] = Field(default_factory=list)

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if self == Criteria.model_construct():
            raise ValueError("criteria need at least one test")
        return self

    def holds(self, profile: Profile) -> bool:
        """Whether every part of these criteria holds for ``profile``."""
        if self.flags and not set(self.flags) & set(profile.red_flags):
            return False
        if self.conditions and not set(self.conditions) & set(profile.conditions):
            return False
        if self.pain_areas and not set(self.pain_areas) & set(profile.pain_areas):
            return False
        if not self._ages_hold(profile):
            return False
        if self.pain_weeks_under is not None and not profile.pain_weeks < self.pain_weeks_under:
            return False
        if self.pain_weeks_at_least is not None and profile.pain_weeks < self.pain_weeks_at_least:
            return False
        if self.pain_now_at_least is not None and profile.pain_now < self.pain_now_at_least:
            return False
        if not all(c.holds(profile) for c in self.all_of):
            return False
        return not self.any_of or any(c.holds(profile) for c in self.any_of)

    def _ages_hold(self, profile: Profile) -> bool:
        age = profile.age
        if self.age_known is not None and (age is not None) != self.age_known:
            return False
        tests = (self.age_over, self.age_under, self.onset_age_under)
        if all(t is None for t in tests):
            return True
        if age is None:
            return False
        onset = age - profile.pain_weeks / WEEKS_PER_YEAR
        return (
            (self.age_over is None or age > self.age_over)
            and (self.age_under is None or age < self.age_under)
            and (self.onset_age_under is None or onset < self.onset_age_under)
        )

    def flags_named(self) -> Iterator[str]:
        """Every red flag these criteria (and their groups) mention."""
        yield from self.flags
        for group in (*self.all_of, *self.any_of):
            yield from group.flags_named()
