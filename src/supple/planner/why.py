"""The plain-language reasons: why each item is in the routine."""

from __future__ import annotations

from collections.abc import Sequence

from supple.planner.model import Bias
from supple.planner.objective import Candidate, area_match

#: An item "works on" a pain area when it matches it at least this well.
DIRECT_MATCH = 0.6

AREA_WORDS = {
    "lower_back": "lower back",
    "upper_back": "upper back",
    "neck": "neck",
    "buttock_or_leg": "buttock or leg",
    "hip": "hip",
}


def join_words(words: Sequence[str]) -> str:
    """``words`` as a phrase: 'a', 'a and b', 'a, b and c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def why_for(
    c: Candidate,
    role: str,
    areas: Sequence[str],
    bias: Bias,
    replaces: str | None,
    stands_in_for: str | None = None,
) -> str:
    """Why ``c`` is in the routine, in one or two plain sentences."""
    ex = c.exercise
    if role == "warm_up":
        return f"Warm-up, to get the body moving first. {ex.purpose}"
    if role == "cool_down":
        return f"Cool-down, to calm the breath and let the back settle. {ex.purpose}"
    parts = []
    hit = [AREA_WORDS[a] for a in areas if area_match(ex, a) >= DIRECT_MATCH]
    near = [AREA_WORDS[a] for a in areas if 0 < area_match(ex, a) < DIRECT_MATCH]
    if hit:
        parts.append(f"For your {join_words(hit)}.")
    elif near:
        parts.append(f"Eases the muscles around your {join_words(near)}.")
    if c.pref > 0:
        parts.append(f"Moves in the direction that suits you ({bias}).")
    if ex.kind == "strength":
        parts.append("Builds gentle strength, which helps more than stretching alone.")
    if replaces:
        parts.append(f"Used instead of {replaces}, from your progress and feedback.")
    if stands_in_for:
        parts.append(f"In place of {stands_in_for}, which your answers leave out.")
    parts.append(ex.purpose)
    return " ".join(parts)
