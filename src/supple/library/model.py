"""The exercise entry: one validated record of the curated library."""

from __future__ import annotations

from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from supple.library.vocab import FLOOR_POSITIONS, Equipment, Kind, Load, Position, Region

SLUG = r"^[a-z0-9]+(?:_[a-z0-9]+)*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tempo(_Strict):
    """How long each moving phase of one repetition takes: moving from the starting position
    into the working one (standing up, lifting the hips, lowering into a squat) and coming
    back; the pause between them is the dose's ``hold_s``."""

    move_s: int = Field(ge=1, le=5)
    back_s: int = Field(ge=1, le=6)

    @property
    def seconds(self) -> int:
        """Seconds of movement in one repetition (the hold aside)."""
        return self.move_s + self.back_s


class Effort(_Strict):
    """The effort to aim for on a 0-10 scale (0 resting, 10 the hardest possible), and the
    repetitions that should still be left in reserve at the end of a set."""

    low: int = Field(default=5, ge=0, le=10)
    high: int = Field(default=6, ge=0, le=10)
    reserve_low: int = Field(default=2, ge=0, le=10)
    reserve_high: int = Field(default=3, ge=0, le=10)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.low > self.high or self.reserve_low > self.reserve_high:
            raise ValueError("an effort range runs from low to high")
        return self


#: Moderate effort (5-6 of 10) with 2-3 repetitions left in reserve: the usual target for
#: strength work in back care (ACSM; Helms 2016 on repetitions in reserve).
MODERATE_EFFORT = Effort()


class Dose(_Strict):
    """The default dose of an exercise.

    A *held* exercise has ``hold_s`` (with its safe range ``hold_min_s``..``hold_max_s``);
    a *flowing* exercise (cat-cow, spinal rocks) has ``duration_s`` and a breathing rhythm
    (``breath_in_s`` / ``breath_out_s``); either can be repeated (``reps``) in ``sets``.
    For sided exercises the dose is per side. A strength move may add a ``tempo`` (seconds up
    and down around its hold), the ``effort`` to aim for, and the rest between sets
    (``set_rest_s``; ``rest_s`` is the pause between repetitions).
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
    tempo: Tempo | None = None
    effort: Effort | None = None
    set_rest_s: int | None = Field(default=None, ge=0, le=180)

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
        if flowing and self.tempo is not None:
            raise ValueError("a tempo belongs to repetitions around a hold, not a flowing move")
        return self

    @property
    def flowing(self) -> bool:
        return self.duration_s is not None


class ScriptLine(_Strict):
    """One line of a guided track, said ``at_s`` seconds into its usual length."""

    at_s: int = Field(ge=0)
    text: str = Field(min_length=3, max_length=300)


class Exercise(_Strict):
    """One exercise of the library, as written in its YAML file."""

    id: str = Field(pattern=SLUG, max_length=60)
    name: str = Field(min_length=3, max_length=80)
    aliases: list[str] = Field(default_factory=list)
    kind: Kind
    family: str | None = Field(
        default=None,
        pattern=SLUG,
        max_length=60,
        description="the move this entry is a form of (a wall tilt and a tilt lying down are "
        "one move in two positions): a routine holds one entry of a family",
    )
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
    script: list[ScriptLine] = Field(
        default_factory=list,
        description="a guided track: lines said at set times through a flowing dose",
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
        if (self.dose.tempo or self.dose.effort) and self.kind != "strength":
            raise ValueError("tempo and effort belong to strength moves")
        if self.script:
            self._check_script()
        return self

    def _check_script(self) -> None:
        length = self.dose.duration_s
        if length is None:
            raise ValueError("a script needs a flowing dose (duration_s) to be said through")
        times = [line.at_s for line in self.script]
        if times != sorted(set(times)) or times[-1] >= length:
            raise ValueError(f"script lines need rising times within the {length} s dose")

    @property
    def move_family(self) -> str:
        """The family this entry belongs to (its own id when it has none)."""
        return self.family or self.id

    @property
    def names(self) -> list[str]:
        """The name and every alias."""
        return [self.name, *self.aliases]

    @property
    def on_floor(self) -> bool:
        return self.position in FLOOR_POSITIONS
