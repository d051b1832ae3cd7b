"""What the coach says, as phrases: the parts taken from the exercise's own words, and how to
get from one position to the next (``supple.presentation`` says them in words)."""

from __future__ import annotations

import re

from supple.library.vocab import FLOOR_POSITIONS
from supple.planner.phrase import Phrase, phrase

#: How many plain breathing reminders take turns after the exercise's own.
GENERIC_BREATHS = 3


def into_position(target: str, came_from: str | None) -> Phrase:
    """How to get from ``came_from`` (None: standing) into ``target``: getting down to the
    floor and getting up from it are said with care (that is where people jar their backs)."""
    was_down = came_from in FLOOR_POSITIONS
    if was_down and target not in FLOOR_POSITIONS:
        move = "up"
    elif not was_down and target in FLOOR_POSITIONS:
        move = "down"
    else:
        move = "none"
    return phrase("into_position", position=target, move=move)


def first_clause(sentence: str) -> str:
    """The first clause of ``sentence`` (up to ';' or '.'), ended with a full stop."""
    head = re.split(r"[;.]", sentence, maxsplit=1)[0].strip()
    return head + "." if head else sentence


def breath_reminder(breathing: str, n: int) -> Phrase:
    """The ``n``-th breathing reminder of a hold (0-based): the exercise's own, then plain ones."""
    if n == 0:
        return phrase("breathe_own", text=first_clause(breathing))
    return phrase("breathe", n=(n - 1) % GENERIC_BREATHS)


_BREATH_STEP = re.compile(r"\bbreath(?:e|ing)?\s+(in|out)\b[\s,:-]*(.*)$", re.IGNORECASE)
_BREATH_AS = re.compile(r"\b(in|out) as ([^,;.(]+?)\s*(?: and |[,;.(]|$)", re.IGNORECASE)


def flow_shapes(steps: list[str], breathing: str = "") -> tuple[Phrase, Phrase]:
    """The inhale and exhale cues of a flowing move.

    The shapes come from the steps ("breathing in, let the belly sink ..."), else from the
    breathing line ("out as the knees tip away"), else the cue is a plain "breathe in".
    """
    found: dict[str, tuple[str, str]] = {}
    for step in steps:
        match = _BREATH_STEP.search(step)
        if match and match.group(1).lower() not in found:
            shape = re.split(r"[(.;,]| and | so | while ", match.group(2), maxsplit=1)[0].strip()
            if shape:
                found[match.group(1).lower()] = ("with", shape)
    if len(found) < 2:
        found = {}
        for way, shape in _BREATH_AS.findall(breathing):
            found.setdefault(way.lower(), ("as", shape.strip()))
    if len(found) < 2:
        found = {}
    return (
        phrase("inhale", how=found["in"][0], shape=found["in"][1]) if found else phrase("inhale"),
        phrase("exhale", how=found["out"][0], shape=found["out"][1]) if found else phrase("exhale"),
    )
