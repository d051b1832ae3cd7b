"""The exercise entry: one validated record of the curated library."""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from supple.library.vocab import FLOOR_POSITIONS, Equipment, Kind, Load, Position, Region

SLUG = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Dose(_Strict):
    """The default dose of an exercise.

    A *held* exercise has ``hold_s`` (with its safe range ``hold_min_s``..``hold_max_s``);
    a *flowing* exercise (cat-cow, spinal rocks) has ``duration_s`` and a breathing rhythm
    (``breath_in_s`` / ``breath_out_s``); either can be repeated (``reps``) in ``sets``.
    For sided exercises the dose is per side.
    """

    hold_s: int | None = Field(default=None, ge=1, le=120)
    hold_min_s: int | None = Field(default=None, ge=1, le=120)
    hold_max_s: int | None = Field(default=None, ge=1, le=120)
    duration_s: int | None = Field(default=None, ge=10, le=600)
    breath_in_s: float | None = Field(default=None, ge=1, le=10)
    breath_out_s: float | None = Field(default=None, ge=1, le=10)
    reps: int = Field(default=1, ge=1, le=30)
    sets: int = Field(default=1, ge=1, le=5)
    rest_s: int = Field(default=5, ge=0, le=60)

    @model_validator(mode="after")
    def _one_mode(self) -> Self:
        held = self.hold_s is not None
        flowing = self.duration_s is not None
        if held == flowing:
            raise ValueError("give either hold_s (a held exercise) or duration_s (a flowing one)")
        if held:
            lo, hi, s = self.hold_min_s, self.hold_max_s, self.hold_s
            if lo is None or hi is None:
                raise ValueError("a held exercise needs hold_min_s and hold_max_s")
            if not lo <= s <= hi:  # type: ignore[operator]
                raise ValueError(f"hold_s {s} is outside its safe range {lo}..{hi}")
        if flowing and (self.breath_in_s is None or self.breath_out_s is None):
            raise ValueError("a flowing exercise needs breath_in_s and breath_out_s")
        return self

    @property
    def flowing(self) -> bool:
        return self.duration_s is not None


class Exercise(_Strict):
    """One exercise of the library, as written in its YAML file."""

    id: str = Field(pattern=SLUG, max_length=60)
    name: str = Field(min_length=3, max_length=80)
    aliases: list[str] = Field(default_factory=list)
    kind: Kind
    level: int = Field(ge=1, le=3, description="1 gentlest, 3 hardest: orders variants")
    regions: list[Region] = Field(min_length=1)
    position: Position
    equipment: list[Equipment] = Field(default_factory=list)
    sided: bool
    dose: Dose
    purpose: str = Field(min_length=10, description="why this helps, in one plain sentence")
    steps: list[str] = Field(min_length=2)
    breathing: str = Field(min_length=5)
    feel: str = Field(min_length=5)
    mistakes: list[str] = Field(min_length=1)
    stop_if: list[str] = Field(min_length=1)
    regressions: list[str] = Field(default_factory=list)
    progressions: list[str] = Field(default_factory=list)
    loads: list[Load] = Field(default_factory=list)
    end_range: list[Load] = Field(
        default_factory=list,
        description="loads this move takes to the end of the range (a subset of loads)",
    )
    avoid: str | None = Field(
        default=None, description="set on moves Supple never prescribes: the reason, in plain words"
    )
    sources: list[str] = Field(
        default_factory=list,
        description="short citations, where a guideline or a study gives the dose or the advice",
    )
    licence: str = "CC-BY-SA-4.0"
    attribution: str = "Supple contributors, written for this library"

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        for field in (
            "aliases",
            "regions",
            "equipment",
            "loads",
            "regressions",
            "progressions",
            "sources",
        ):
            values = getattr(self, field)
            if len(set(values)) != len(values):
                raise ValueError(f"{field} has duplicates")
        extra = set(self.end_range) - set(self.loads)
        if extra:
            raise ValueError(f"end_range names loads not in loads: {sorted(extra)}")
        if self.id in self.regressions or self.id in self.progressions:
            raise ValueError("an exercise cannot be its own variant")
        return self

    @property
    def names(self) -> list[str]:
        """The name and every alias."""
        return [self.name, *self.aliases]

    @property
    def on_floor(self) -> bool:
        return self.position in FLOOR_POSITIONS
