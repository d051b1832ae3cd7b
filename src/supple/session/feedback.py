"""Pain scores, quick feedback after an exercise, and the easier variant when one hurts."""

from __future__ import annotations

from collections.abc import Mapping

from supple.library.model import Exercise
from supple.library.vocab import FLOOR_POSITIONS
from supple.planner import timing
from supple.planner.model import Plan, PlanItem
from supple.session.kinds import Feedback

#: The quick answers after an exercise, by the key that gives them.
FEEDBACK_KEYS: dict[str, Feedback] = {
    "1": "fine",
    "2": "too_easy",
    "3": "too_hard",
    "4": "painful",
}
FEEDBACK_LABELS: dict[Feedback, str] = {
    "fine": "fine",
    "too_easy": "too easy",
    "too_hard": "too hard",
    "painful": "painful",
}


def parse_pain(text: str) -> int:
    """A pain score 0–10 from what the person typed; ValueError explains a bad answer."""
    cleaned = text.strip()
    if not cleaned.isdigit() or not 0 <= int(cleaned) <= 10:
        raise ValueError("type a whole number from 0 (no pain) to 10 (worst imaginable)")
    return int(cleaned)


def parse_feedback(text: str) -> Feedback | None:
    """The feedback meant by a key ('1'..'4') or a word ('fine', 'too easy', …); None if empty."""
    cleaned = text.strip().lower().replace(" ", "_").replace("-", "_")
    if not cleaned:
        return None
    if cleaned in FEEDBACK_KEYS:
        return FEEDBACK_KEYS[cleaned]
    for value in FEEDBACK_LABELS:
        if cleaned == value:
            return value
    raise ValueError("answer 1 fine, 2 too easy, 3 too hard, 4 painful, or press Enter")


def _upright(position: str) -> bool:
    return position not in FLOOR_POSITIONS


def easier_variant(
    exercise_id: str, plan: Plan, library: Mapping[str, Exercise]
) -> Exercise | None:
    """The first regression the plan allows in the same position group (floor or upright)."""
    exercise = library.get(exercise_id)
    if exercise is None:
        return None
    left_out = {e.exercise for e in plan.excluded}
    for ref in exercise.regressions:
        variant = library.get(ref)
        if variant is None or variant.avoid or ref in left_out:
            continue
        if _upright(variant.position) == _upright(exercise.position):
            return variant
    return None


def variant_item(variant: Exercise, replacing: PlanItem) -> PlanItem:
    """A plan item for ``variant`` at its own default dose, taking the place of ``replacing``."""
    dose = variant.dose
    item = PlanItem(
        exercise=variant.id,
        name=variant.name,
        position=variant.position,
        sided=variant.sided,
        hold_s=dose.hold_s,
        duration_s=dose.duration_s,
        reps=dose.reps,
        sets=dose.sets,
        rest_s=dose.rest_s if dose.reps * dose.sets > 1 else 0,
        seconds=0,
        why=f"An easier variant of {replacing.name}, because it hurt.",
    )
    return item.model_copy(update={"seconds": timing.item_seconds(item)})


def with_variant(plan: Plan, index: int, variant: Exercise) -> Plan:
    """``plan`` with item ``index`` replaced by ``variant``; the total follows."""
    items = list(plan.items)
    items[index] = variant_item(variant, items[index])
    return plan.model_copy(update={"items": items, "total_seconds": timing.total_seconds(items)})
