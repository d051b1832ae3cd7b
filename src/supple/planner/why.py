"""The reasons, as codes: why each item is there, and the advice shown with the plan (the
words are made by ``supple.presentation``)."""

from __future__ import annotations

from collections.abc import Sequence

from supple.planner.model import Bias
from supple.planner.objective import Candidate, area_match
from supple.planner.phrase import Phrase, phrase
from supple.safety.profile import Profile

#: An item "works on" a pain area when it matches it at least this well.
DIRECT_MATCH = 0.6


def why_for(
    c: Candidate, role: str, areas: Sequence[str], bias: Bias, replaces: str | None
) -> list[Phrase]:
    """Why ``c`` is in the routine: its role or the pain areas it serves, its direction, what
    it replaced, and the library's purpose of it."""
    ex = c.exercise
    purpose = phrase("purpose", text=ex.purpose)
    if role in ("warm_up", "cool_down"):
        return [phrase(role), purpose]
    parts = []
    hit = [a for a in areas if area_match(ex, a) >= DIRECT_MATCH]
    near = [a for a in areas if 0 < area_match(ex, a) < DIRECT_MATCH]
    if hit:
        parts.append(phrase("for_areas", areas=hit))
    elif near:
        parts.append(phrase("near_areas", areas=near))
    if c.pref > 0:
        parts.append(phrase("direction", bias=bias))
    if ex.kind == "strength":
        parts.append(phrase("strength"))
    if replaces:
        parts.append(phrase("instead_of", exercise=replaces))
    return [*parts, purpose]


def advice_for(
    profile: Profile,
    gentle: bool,
    total: int,
    target: int,
    tolerance: float,
    notes: Sequence[Phrase],
) -> list[Phrase]:
    """The advice shown with a routine, one phrase a line."""
    advice = [phrase("move_gently")]
    if gentle:
        advice.append(phrase("gentle_mode"))
    if "disc_herniation" in profile.conditions or "buttock_or_leg" in profile.pain_areas:
        advice.append(phrase("leg_symptoms"))
    if abs(total - target) > tolerance * target:
        advice.append(phrase("time_short", filled=round(total / 60), asked=round(target / 60)))
    advice.extend(notes)
    return advice
