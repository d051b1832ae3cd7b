"""A clinician's prescription: the moves in order with their dose, locks, notes and overrides,
the moves banned, and the schedule; what changed between two of them; whether one keeps to the
patient's safety result; and the routine a day of it gives.

Plain data and plain functions: the application layer keeps prescriptions as versions and
decides whose they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from supple.library.model import Effort, Exercise
from supple.planner import timing
from supple.planner.dose import DoseChoice, ladder
from supple.planner.model import Plan, PlanItem
from supple.planner.substitute import Substitution, Variant

Sides = Literal["both", "left", "right"]
#: The longest note a move may carry.
NOTE_MAX = 500


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Dose(_Frozen):
    """One move's dose: a hold (seconds, repeated) or a time (a flowing move), reps, sets."""

    hold_s: int | None = Field(default=None, ge=1, le=300, description="seconds of each hold")
    duration_s: int | None = Field(
        default=None, ge=5, le=1800, description="seconds of a flowing move (no hold)"
    )
    reps: int = Field(default=1, ge=1, le=50)
    sets: int = Field(default=1, ge=1, le=10)
    rest_s: int = Field(default=0, ge=0, le=300, description="rest between repetitions")
    effort: int | None = Field(default=None, ge=0, le=10, description="effort to aim for, 0-10")
    sides: Sides = Field(default="both", description="for a one-sided move: both, or one side")

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        if (self.hold_s is None) == (self.duration_s is None):
            raise ValueError("a dose has either a hold or a duration, not both or neither")
        return self

    def choice(self) -> DoseChoice:
        """The planner's form of this dose (for timing and the ladder)."""
        effort = None if self.effort is None else Effort(low=self.effort, high=self.effort)
        return DoseChoice(
            self.hold_s, self.duration_s, self.reps, self.sets, self.rest_s, effort=effort
        )

    def words(self) -> str:
        """The dose in a few words: '30 s hold × 3, 2 sets, effort 5, left side'."""
        parts = [f"{self.hold_s} s hold × {self.reps}" if self.hold_s else f"{self.duration_s} s"]
        if self.sets > 1:
            parts.append(f"{self.sets} sets")
        if self.effort is not None:
            parts.append(f"effort {self.effort}")
        if self.sides != "both":
            parts.append(f"{self.sides} side")
        return ", ".join(parts)


def dose_of(item: PlanItem) -> Dose:
    """The dose of a planner's item, as a prescription holds it."""
    effort = None if item.effort is None else item.effort.high
    return Dose(
        hold_s=item.hold_s,
        duration_s=None if item.hold_s is not None else item.duration_s,
        reps=item.reps,
        sets=item.sets,
        rest_s=min(item.rest_s, 300),
        effort=effort,
    )


class Override(_Frozen):
    """A clinician's decision to give a move the patient's answers leave out."""

    rule: str = Field(min_length=1, max_length=60, description="the rule that leaves it out")
    reason: str = Field(max_length=NOTE_MAX, description="why it is given all the same")


class Move(_Frozen):
    """One move of a prescription."""

    exercise: str = Field(min_length=1, max_length=60)
    dose: Dose
    locked: bool = Field(
        default=False, description="the patient's swaps and the adaptation leave it alone"
    )
    note: str = Field(default="", max_length=NOTE_MAX, description="shown to the patient")
    override: Override | None = None


class Prescription(_Frozen):
    """The moves in order, the moves banned, and how often and how long."""

    moves: list[Move] = Field(default_factory=list, max_length=40)
    banned: list[str] = Field(default_factory=list, max_length=200)
    days_per_week: int = Field(default=5, ge=1, le=7)
    weeks: int = Field(default=6, ge=1, le=52)
    progression: bool = Field(
        default=True, description="unlocked moves get a little harder each week"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        ids = [m.exercise for m in self.moves]
        if len(set(ids)) != len(ids):
            raise ValueError("a move appears twice in the programme")
        clash = sorted(set(ids) & set(self.banned))
        if clash:
            raise ValueError(f"a banned move is in the programme: {', '.join(clash)}")
        return self


ChangeKind = Literal[
    "added",
    "removed",
    "moved",
    "dose",
    "locked",
    "unlocked",
    "note",
    "override",
    "banned",
    "unbanned",
    "schedule",
]


@dataclass(frozen=True)
class Change:
    """One plain change between two prescriptions."""

    kind: ChangeKind
    exercise: str | None
    words: str


def diff(
    old: Prescription | None, new: Prescription, names: Mapping[str, str] | None = None
) -> list[Change]:
    """What changed from ``old`` to ``new`` (everything is added when there was none)."""
    names = names or {}

    def name(ident: str) -> str:
        return names.get(ident, ident.replace("_", " "))

    before = Prescription() if old is None else old
    was = {m.exercise: m for m in before.moves}
    now = {m.exercise: m for m in new.moves}
    out: list[Change] = []
    for m in new.moves:
        if m.exercise not in was:
            out.append(Change("added", m.exercise, f"added {name(m.exercise)} ({m.dose.words()})"))
    for m in before.moves:
        if m.exercise not in now:
            out.append(Change("removed", m.exercise, f"removed {name(m.exercise)}"))
    kept_before = [i for i in was if i in now]
    kept_now = [i for i in now if i in was]
    for place, ident in enumerate(kept_now):
        if kept_before.index(ident) != place:
            out.append(
                Change("moved", ident, f"moved {name(ident)} to place {list(now).index(ident) + 1}")
            )
    for ident in kept_now:
        a, b = was[ident], now[ident]
        if a.dose != b.dose:
            out.append(Change("dose", ident, f"{name(ident)}: {a.dose.words()} → {b.dose.words()}"))
        if a.locked != b.locked:
            kind: ChangeKind = "locked" if b.locked else "unlocked"
            out.append(Change(kind, ident, f"{kind} {name(ident)}"))
        if a.note != b.note:
            out.append(Change("note", ident, f"note on {name(ident)}: “{b.note}”"))
        if a.override != b.override:
            said = f"given despite rule {b.override.rule}" if b.override else "override taken off"
            out.append(Change("override", ident, f"{name(ident)}: {said}"))
    for ident in new.banned:
        if ident not in before.banned:
            out.append(Change("banned", ident, f"banned {name(ident)}"))
    for ident in before.banned:
        if ident not in new.banned:
            out.append(Change("unbanned", ident, f"{name(ident)} no longer banned"))
    for field, label in (
        ("days_per_week", "days a week"),
        ("weeks", "weeks"),
        ("progression", "progression"),
    ):
        a_value, b_value = getattr(before, field), getattr(new, field)
        if old is not None and a_value != b_value:
            words = {True: "on", False: "off"}
            shown = (words.get(a_value, a_value), words.get(b_value, b_value))
            out.append(Change("schedule", None, f"{label}: {shown[0]} → {shown[1]}"))
    return out


def summary(changes: Sequence[Change]) -> str:
    """The changes in one line (for the version list)."""
    return "; ".join(c.words for c in changes) or "no change"


@dataclass(frozen=True)
class Exclusion:
    """Why the patient's answers leave a move out: the rule, its sentence and its source."""

    rule: str
    sentence: str
    source: str


@dataclass(frozen=True)
class Problem:
    """Why a prescription may not be saved as it is."""

    exercise: str | None
    words: str
    rule: str | None = None


def check(
    prescription: Prescription,
    library: Mapping[str, Exercise],
    excluded: Mapping[str, Exclusion],
) -> list[Problem]:
    """What stops ``prescription`` from being saved: an unknown move, a dose that does not fit
    the move, or a move the patient's answers exclude without an override that names its rule
    and gives a reason (``excluded``: the patient's exclusions by exercise id)."""
    out: list[Problem] = []
    if not prescription.moves:
        out.append(Problem(None, "a programme needs at least one move"))
    for ident in prescription.banned:
        if ident not in library:
            out.append(Problem(ident, f"there is no move '{ident}' in the library"))
    for move in prescription.moves:
        exercise = library.get(move.exercise)
        if exercise is None:
            out.append(Problem(move.exercise, f"there is no move '{move.exercise}' in the library"))
            continue
        held = exercise.dose.hold_s is not None
        if held != (move.dose.hold_s is not None):
            kind = "a hold" if held else "a duration"
            out.append(Problem(move.exercise, f"{exercise.name} is dosed by {kind}"))
        if move.dose.sides != "both" and not exercise.sided:
            out.append(Problem(move.exercise, f"{exercise.name} has no sides to choose"))
        out_by = excluded.get(move.exercise)
        if out_by is None:
            continue
        given = move.override
        if given is None or given.rule != out_by.rule or not given.reason.strip():
            out.append(
                Problem(
                    move.exercise,
                    f"{exercise.name} is left out by rule {out_by.rule} (it {out_by.sentence}; "
                    f"source: {out_by.source}): give a reason to override it",
                    rule=out_by.rule,
                )
            )
    return out


def stepped(dose: Dose, exercise: Exercise, steps: int) -> Dose:
    """``dose`` made ``steps`` rungs harder on the planner's ladder of ``exercise`` (as far as
    the ladder goes)."""
    if steps <= 0:
        return dose
    base = dose.choice()
    rungs = ladder(exercise, base)
    at = next((k for k, r in enumerate(rungs) if r == base), None)
    if at is None:
        return dose
    up = rungs[min(at + steps, len(rungs) - 1)]
    return dose.model_copy(
        update={"hold_s": up.hold_s, "duration_s": up.duration_s, "reps": up.reps, "sets": up.sets}
    )


def item(move: Move, exercise: Exercise, dose: Dose | None = None) -> PlanItem:
    """The planner's item for ``move`` at ``dose`` (default: as prescribed)."""
    dose = dose or move.dose
    sided = exercise.sided and dose.sides == "both"
    choice = dose.choice()
    name = exercise.name if dose.sides == "both" else f"{exercise.name} ({dose.sides} side)"
    return PlanItem(
        exercise=exercise.id,
        name=name,
        position=exercise.position,
        sided=sided,
        hold_s=choice.hold_s,
        duration_s=choice.duration_s,
        reps=choice.reps,
        sets=choice.sets,
        rest_s=choice.rest_s,
        effort=choice.effort,
        seconds=choice.seconds(sided),
        why=move.note,
    )


def routine(
    prescription: Prescription,
    library: Mapping[str, Exercise],
    *,
    week: int = 1,
    leave_out: Mapping[str, str] | None = None,
    gentle: bool = False,
) -> Plan:
    """The routine of one day in week ``week`` (1 first): locked moves exactly as set; unlocked
    ones a rung harder each week when progression is on, and left out when the adaptation
    (``leave_out``: painful feedback) says so; banned moves never."""
    items: list[PlanItem] = []
    for move in prescription.moves:
        if move.exercise in prescription.banned:
            continue
        exercise = library[move.exercise]
        if not move.locked and leave_out and move.exercise in leave_out:
            continue
        steps = week - 1 if prescription.progression and not move.locked and not gentle else 0
        items.append(item(move, exercise, stepped(move.dose, exercise, steps)))
    return Plan(status="plan", items=items, total_seconds=timing.total_seconds(items))


def with_swaps(prescription: Prescription, swaps: Mapping[str, str]) -> dict[str, str]:
    """The patient's swaps that the prescription allows: none of a locked move, none to a
    banned one."""
    locked = {m.exercise for m in prescription.moves if m.locked}
    return {
        old: new
        for old, new in swaps.items()
        if old not in locked and new not in prescription.banned
    }


@dataclass(frozen=True)
class Prescribed(Substitution):
    """The swap rule under a clinician's programme: a locked move is never swapped (not even
    for the easier variant when it hurts), and a banned move never comes in."""

    locked: frozenset[str] = frozenset()
    banned: frozenset[str] = frozenset()

    @classmethod
    def of(cls, rule: Substitution, prescription: Prescription) -> Prescribed:
        return cls(
            profile=rule.profile,
            library=rule.library,
            adjustments=rule.adjustments,
            rules=rule.rules,
            locked=frozenset(m.exercise for m in prescription.moves if m.locked),
            banned=frozenset(prescription.banned),
        )

    def variants(self, plan: Plan, exercise_id: str) -> list[Variant]:
        if exercise_id in self.locked:
            return []
        return [v for v in super().variants(plan, exercise_id) if v.exercise not in self.banned]

    def easier(self, plan: Plan, index: int) -> Exercise | None:
        if plan.items[index].exercise in self.locked:
            return None
        found = super().easier(plan, index)
        return None if found is None or found.id in self.banned else found


def reorder(prescription: Prescription, index: int, by: int) -> Prescription:
    """``prescription`` with move ``index`` moved ``by`` places (-1 up, 1 down), if it can."""
    moves = list(prescription.moves)
    target = index + by
    if not (0 <= index < len(moves) and 0 <= target < len(moves)):
        return prescription
    moves[index], moves[target] = moves[target], moves[index]
    return prescription.model_copy(update={"moves": moves})


__all__ = [
    "Change",
    "Dose",
    "Exclusion",
    "Move",
    "Override",
    "Prescribed",
    "Prescription",
    "Problem",
    "check",
    "diff",
    "dose_of",
    "item",
    "reorder",
    "routine",
    "stepped",
    "summary",
    "with_swaps",
]
