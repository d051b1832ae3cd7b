"""Swap a plan item for one of its variants, in place, with the planner's own dosing and the
safety rules' own check (the web only composes these domain calls)."""

from __future__ import annotations

from collections.abc import Mapping

from supple.library import Exercise, Library
from supple.planner import timing
from supple.planner.adjust import Adjustments
from supple.planner.dose import base_dose
from supple.planner.model import Plan
from supple.planner.plan import plan_item
from supple.safety import load_rules, rule_out
from supple.safety.profile import Profile


class SwapRefused(ValueError):
    """A swap the safety rules or the plan do not allow (422)."""


def variants(exercise: Exercise) -> list[tuple[str, bool]]:
    """The exercise's variants as (id, easier)."""
    return [(r, True) for r in exercise.regressions] + [(p, False) for p in exercise.progressions]


def apply_swaps(
    plan: Plan,
    swaps: Mapping[str, str],
    *,
    profile: Profile,
    library: Library,
    adjustments: Adjustments,
) -> Plan:
    """``plan`` with each ``old -> new`` swap done where ``old`` is an item of it."""
    if not swaps or not plan.items:
        return plan
    rules = load_rules()
    gentle = rules.gentle(profile)
    items = list(plan.items)
    chosen = {i.exercise for i in items}
    for old, new in swaps.items():
        where = next((k for k, i in enumerate(items) if i.exercise == old), None)
        if where is None:
            continue  # a swap kept from an earlier version of today's plan
        ex = library[old]
        alt = library[new]
        if new not in {v for v, _ in variants(ex)}:
            raise SwapRefused(f"{alt.name} is not a variant of {ex.name}")
        if new in chosen:
            raise SwapRefused(f"{alt.name} is already in the plan")
        ruling = rule_out(alt, profile, rules)
        if ruling is not None or alt.avoid:
            raise SwapRefused(
                f"{alt.name} is left out for you: {ruling.text if ruling else alt.avoid}"
            )
        dose = base_dose(alt, gentle=gentle, age=profile.age, hold_step=adjustments.hold_step)
        kind = "easier" if new in ex.regressions else "harder"
        items[where] = plan_item(alt, dose, f"Your swap for {ex.name} ({kind}). {alt.purpose}")
        chosen = (chosen - {old}) | {new}
    return plan.model_copy(update={"items": items, "total_seconds": timing.total_seconds(items)})


def allowed_variants(
    plan: Plan, library: Mapping[str, Exercise], profile: Profile
) -> dict[str, list[tuple[str, bool]]]:
    """For each item, the variants a swap may choose (allowed for this person, not yet chosen)."""
    rules = load_rules()
    chosen = {i.exercise for i in plan.items}
    out: dict[str, list[tuple[str, bool]]] = {}
    for item in plan.items:
        ex = library.get(item.exercise)
        if ex is None:
            continue
        ok = [
            (v, easier)
            for v, easier in variants(ex)
            if v in library
            and v not in chosen
            and not library[v].avoid
            and rule_out(library[v], profile, rules) is None
        ]
        if ok:
            out[item.exercise] = ok
    return out
