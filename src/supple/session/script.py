"""The words the coach says: short, plain, written for being heard while moving."""

from __future__ import annotations

import re

from supple.library.vocab import FLOOR_POSITIONS

SAFETY_LINE = "Ease off if it hurts — never stretch into pain."
HALFWAY = "Halfway."
BELL = "Bell."
WELL_DONE = "That is the end of today's routine. Well done."

#: Where each position starts from, said during the transition into it.
_INTO: dict[str, str] = {
    "standing": "Stand up tall, feet hip-width apart.",
    "seated_chair": "Sit near the front of a steady chair, feet flat on the floor.",
    "seated_floor": "Sit on the mat, legs out in front of you.",
    "kneeling": "Come onto your knees on the mat.",
    "all_fours": "Come down onto your hands and knees.",
    "supine": "Lie down on your back on the mat.",
    "prone": "Lie face down on the mat, arms by your sides.",
    "side_lying": "Lie on your side on the mat, knees slightly bent.",
}

#: Getting up from the floor is where people jar their backs: say how.
_UP_FROM_FLOOR = "Roll onto your side and push yourself up with your hands, slowly. "

_DOWN_TO_FLOOR = "Lower yourself to the mat with care, using a hand for support. "

_GENERIC_BREATH = (
    "Keep breathing slowly.",
    "Let your shoulders drop and breathe out.",
    "Breathe low into your belly.",
)


def into_position(target: str, came_from: str | None) -> str:
    """What to do to get from ``came_from`` (None: standing) into ``target``."""
    text = _INTO.get(target, "Get into position.")
    was_down = came_from in FLOOR_POSITIONS
    if was_down and target not in FLOOR_POSITIONS:
        return _UP_FROM_FLOOR + text
    if not was_down and target in FLOOR_POSITIONS:
        return _DOWN_TO_FLOOR + text
    return text


def first_clause(sentence: str) -> str:
    """The first clause of ``sentence`` (up to ';' or '.'), ended with a full stop."""
    head = re.split(r"[;.]", sentence, maxsplit=1)[0].strip()
    return head + "." if head else sentence


def breath_reminder(breathing: str, n: int) -> str:
    """The ``n``-th breathing reminder of a hold (0-based): the exercise's own, then plain ones."""
    if n == 0:
        return first_clause(breathing)
    return _GENERIC_BREATH[(n - 1) % len(_GENERIC_BREATH)]


_BREATH_STEP = re.compile(r"\bbreath(?:e|ing)?\s+(in|out)\b[\s,:-]*(.*)$", re.IGNORECASE)
_BREATH_AS = re.compile(r"\b(in|out) as ([^,;.(]+?)\s*(?: and |[,;.(]|$)", re.IGNORECASE)


def flow_shapes(steps: list[str], breathing: str = "") -> tuple[str, str]:
    """The inhale and exhale cues of a flowing move.

    The shapes come from the steps ("breathing in, let the belly sink ..."), else from the
    breathing line ("out as the knees tip away"), else the cue is plain "Breathe in."
    """
    found: dict[str, str] = {}
    for step in steps:
        match = _BREATH_STEP.search(step)
        if match and match.group(1).lower() not in found:
            shape = re.split(r"[(.;,]| and | so | while ", match.group(2), maxsplit=1)[0].strip()
            if shape:
                found[match.group(1).lower()] = f", {shape}"
    if len(found) < 2:
        found = {}
        for way, shape in _BREATH_AS.findall(breathing):
            found.setdefault(way.lower(), f" as {shape.strip()}")
    if len(found) < 2:
        found = {}
    return (
        f"Breathe in{found.get('in', '')}.",
        f"Breathe out{found.get('out', '')}.",
    )
