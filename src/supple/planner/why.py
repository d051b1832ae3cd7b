"""The reasons, as codes: why each item is in the routine (the words are made by
``supple.presentation``)."""

from __future__ import annotations

from collections.abc import Sequence

from supple.planner.model import Bias
from supple.planner.objective import Candidate, area_match
from supple.planner.phrase import Phrase, phrase

#: An item "works on" a pain area when it matches it at least this well.
DIRECT_MATCH = 0.6


def why_for(
    c: Candidate,
    role: str,
    areas: Sequence[str],
    bias: Bias,
    replaces: str | None,
    stands_in_for: str | None = None,
    pathway: str | None = None,
) -> list[Phrase]:
    """Why ``c`` is in the routine: its role or the pain areas it serves, its direction, the
    condition pathway it belongs to, what it replaced or stands in for, and the library's
    purpose of it."""
    ex = c.exercise
    purpose = phrase("purpose", text=ex.purpose)
    if role == "warm_up" and ex.kind == "aerobic":
        return [phrase("opening_walk"), purpose]
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
    if pathway:
        parts.append(phrase("pathway", pathway=pathway))
    if replaces:
        parts.append(phrase("instead_of", exercise=replaces))
    if stands_in_for:
        parts.append(phrase("stands_in_for", exercise=stands_in_for))
    return [*parts, purpose]
