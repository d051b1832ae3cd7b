"""Substitute a move of a plan with one of its variants: the one rule every front end uses.

A variant may take a move's place when the library lists it as the move's easier (regression)
or harder (progression) variant, it is not in the plan already, it is not a move Supple never
prescribes, the plan did not leave it out (a safety rule, or the person's feedback), and it
passes every safety exclusion for the person now. It comes in at the dose the planner itself
would start it at for this person (older adults' longer holds, gentle mode, earned hold steps),
so a swap on the routine page and the easier variant offered when a move hurts agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from supple.library.model import Exercise
from supple.library.vocab import FLOOR_POSITIONS
from supple.planner import timing
from supple.planner.adjust import NO_ADJUSTMENTS, Adjustments
from supple.planner.dose import base_dose
from supple.planner.model import Plan
from supple.planner.phrase import Phrase, phrase
from supple.planner.plan import plan_item
from supple.safety.exclusions import rule_out
from supple.safety.profile import Profile
from supple.safety.rules import Rules, load_rules

#: Why a move was swapped: the person chose the variant, or the move hurt during a session.
SwapReason = Literal["chosen", "hurt"]


class SwapRefused(ValueError):
    """A swap the rule does not allow; the message says why, in plain words."""


@dataclass(frozen=True, slots=True)
class Variant:
    """A move that may stand in for another: its id, and whether it is the easier one."""

    exercise: str
    easier: bool


@dataclass(frozen=True)
class Substitution:
    """The rule, for one person: their answers, what tracking learned, the library, the rules."""

    profile: Profile
    library: Mapping[str, Exercise]
    adjustments: Adjustments = NO_ADJUSTMENTS
    rules: Rules = field(default_factory=load_rules)

    def variants(self, plan: Plan, exercise_id: str) -> list[Variant]:
        """The variants of ``exercise_id`` that may take its place in ``plan``, easier first."""
        exercise = self.library.get(exercise_id)
        if exercise is None:
            return []
        candidates = [Variant(v, True) for v in exercise.regressions]
        candidates += [Variant(v, False) for v in exercise.progressions]
        return [v for v in candidates if self._refusal(plan, v.exercise) is None]

    def choices(self, plan: Plan) -> dict[str, list[Variant]]:
        """For each item of ``plan`` that has any, the variants a swap may choose."""
        out = {}
        for item in plan.items:
            found = self.variants(plan, item.exercise)
            if found:
                out[item.exercise] = found
        return out

    def easier(self, plan: Plan, index: int) -> Exercise | None:
        """The easier variant to offer when item ``index`` hurts, or None.

        It stays on the same level (on the floor, or upright), so the person need not get down
        or up in the middle of a move that hurts.
        """
        current = self.library.get(plan.items[index].exercise)
        if current is None:
            return None
        for variant in self.variants(plan, current.id):
            chosen = self.library[variant.exercise]
            if variant.easier and _on_floor(chosen) == _on_floor(current):
                return chosen
        return None

    def after_hurt(self, plan: Plan, index: int) -> Plan | None:
        """``plan`` with the easier variant of item ``index`` put in right after it, or None when
        there is none (the move that hurt stays, so what was recorded about it stays true)."""
        easier = self.easier(plan, index)
        if easier is None:
            return None
        variant = self.swap(plan, index, easier.id, reason="hurt").items[index]
        items = [*plan.items[: index + 1], variant, *plan.items[index + 1 :]]
        return plan.model_copy(
            update={"items": items, "total_seconds": timing.total_seconds(items)}
        )

    def swap(self, plan: Plan, index: int, new: str, *, reason: SwapReason) -> Plan:
        """``plan`` with item ``index`` replaced by ``new``, dosed by the planner; the total
        time follows. SwapRefused says why a swap the rule does not allow is refused."""
        old = self.library[plan.items[index].exercise]
        alt = self.library[new]
        if new not in {v for v in (*old.regressions, *old.progressions)}:
            raise SwapRefused(f"{alt.name} is not a variant of {old.name}")
        refusal = self._refusal(plan, new)
        if refusal is not None:
            raise SwapRefused(refusal)
        dose = base_dose(
            alt,
            gentle=self.rules.gentle(self.profile),
            age=self.profile.age,
            hold_step=self.adjustments.hold_step,
            load_step=self.adjustments.load_steps.get(alt.id, 0),
        )
        items = list(plan.items)
        items[index] = plan_item(alt, dose, _why(old, alt, reason))
        return plan.model_copy(
            update={"items": items, "total_seconds": timing.total_seconds(items)}
        )

    def swap_all(self, plan: Plan, swaps: Mapping[str, str]) -> Plan:
        """``plan`` with each chosen ``old -> new`` swap done where ``old`` is one of its items
        (a swap kept from an earlier version of the day's plan is passed over)."""
        for old, new in swaps.items():
            where = next((k for k, i in enumerate(plan.items) if i.exercise == old), None)
            if where is not None:
                plan = self.swap(plan, where, new, reason="chosen")
        return plan

    def _refusal(self, plan: Plan, exercise_id: str) -> str | None:
        """Why ``exercise_id`` may not come into ``plan`` (None: it may)."""
        alt = self.library.get(exercise_id)
        if alt is None:
            return f"there is no exercise '{exercise_id}' in the library"
        if any(i.exercise == exercise_id for i in plan.items):
            return f"{alt.name} is already in the plan"
        left_out = next((e for e in plan.excluded if e.exercise == exercise_id), None)
        if left_out is not None:
            return f"{alt.name} is left out of this plan: {left_out.rule}"
        ruling = rule_out(alt, self.profile, self.rules)
        if ruling is not None or alt.avoid:
            return f"{alt.name} is left out for you: {ruling.text if ruling else alt.avoid}"
        return None


def _on_floor(exercise: Exercise) -> bool:
    return exercise.position in FLOOR_POSITIONS


def _why(old: Exercise, alt: Exercise, reason: SwapReason) -> list[Phrase]:
    if reason == "hurt":
        return [phrase("easier_after_hurt", exercise=old.name)]
    swap = phrase("your_swap", exercise=old.name, easier=alt.id in old.regressions)
    return [swap, phrase("purpose", text=alt.purpose)]


__all__ = ["Substitution", "SwapReason", "SwapRefused", "Variant"]
