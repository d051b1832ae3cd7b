"""Condition pathways (``pathways.yaml``): the moves a routine should hold for a condition or a
pain area, beyond the moves the safety rules leave out.

A pathway applies when its ``when`` matches the profile (a condition, the weeks since a hip
replacement, or a pain area). The planner favours its moves until the routine holds ``aim`` of
them, says why in each move's reasons and adds the pathway's advice; a pathway never brings
back a move a safety rule removed.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from supple.library.model import Exercise
from supple.safety.profile import Condition, PainArea, Profile


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class When(_Strict):
    """When a pathway applies; every test given must hold."""

    condition: Condition | None = None
    area: list[PainArea] = Field(default_factory=list, description="any of these pain areas")
    weeks_from: float | None = Field(default=None, description="weeks since the hip surgery")
    weeks_below: float | None = None

    def matches(self, profile: Profile) -> bool:
        """Whether ``profile`` is on this pathway (unknown weeks count as the earliest)."""
        if self.condition is not None and self.condition not in profile.conditions:
            return False
        if self.area and not set(self.area) & set(profile.pain_areas):
            return False
        if self.weeks_from is not None or self.weeks_below is not None:
            weeks = profile.hip_replacement_weeks
            weeks = 0.0 if weeks is None else weeks
            if self.weeks_from is not None and weeks < self.weeks_from:
                return False
            if self.weeks_below is not None and weeks >= self.weeks_below:
                return False
        return True


class Pathway(_Strict):
    """One pathway: when it applies, its moves, how many a routine aims at, its advice."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    when: When
    include: list[str] = Field(min_length=1)
    aim: int = Field(ge=1, le=5)
    symmetric: bool = Field(
        default=False, description="favour moves that load both sides alike (pelvic girdle)"
    )
    advice: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="the advice phrase code")
    sources: list[str] = Field(min_length=1)


_PATHWAYS = TypeAdapter(list[Pathway])


@cache
def load_pathways() -> tuple[Pathway, ...]:
    """The packaged pathways, validated once per process."""
    text = resources.files("supple.planner").joinpath("pathways.yaml").read_text("utf-8")
    return tuple(_PATHWAYS.validate_python(yaml.safe_load(text)))


def pathways_for(profile: Profile) -> list[Pathway]:
    """Every pathway ``profile`` is on."""
    return [p for p in load_pathways() if p.when.matches(profile)]


def unknown_moves(library: Mapping[str, Exercise]) -> list[str]:
    """Moves the pathways name that the library does not have (a test keeps this empty)."""
    return sorted({m for p in load_pathways() for m in p.include if m not in library})


def one_sided(exercise: Exercise) -> bool:
    """A move that loads one side at a time (what a symmetric pathway plays down)."""
    return "single_leg_balance" in exercise.loads or (
        exercise.sided and exercise.kind == "strength"
    )


__all__ = ["Pathway", "load_pathways", "one_sided", "pathways_for", "unknown_moves"]
