"""The plain-language reasons: why each item is there, and the advice shown with the plan."""

from __future__ import annotations

from collections.abc import Sequence

from supple.planner.model import Bias
from supple.planner.objective import Candidate, area_match
from supple.safety.profile import Profile

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


def why_for(c: Candidate, role: str, areas: Sequence[str], bias: Bias, replaces: str | None) -> str:
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
    parts.append(ex.purpose)
    return " ".join(parts)


def advice_for(
    profile: Profile,
    gentle: bool,
    total: int,
    target: int,
    tolerance: float,
    notes: Sequence[str],
) -> list[str]:
    """The advice printed with a routine."""
    advice = [
        "Move slowly and only to a mild stretch, never into pain. Stop any move that hurts "
        "sharply or sends pain down a leg, and get checked if that keeps happening."
    ]
    if gentle:
        advice.append(
            "Gentle mode: your pain is high, so holds are shorter, there are fewer repetitions "
            "and no end-of-range moves. Keep moving gently through the day."
        )
    if "disc_herniation" in profile.conditions or "buttock_or_leg" in profile.pain_areas:
        advice.append(
            "If leg symptoms spread further down the leg during a move, stop that move: it is a "
            "sign to switch direction."
        )
    if abs(total - target) > tolerance * target:
        advice.append(
            f"Only about {round(total / 60)} of the {round(target / 60)} minutes could be filled "
            "safely with the moves your answers allow."
        )
    advice.extend(notes)
    return advice
