"""Small helpers the planner tests share."""

from __future__ import annotations

from supple.library import Exercise
from supple.planner.dose import DoseChoice


def safe_range(exercise: Exercise) -> tuple[int, int]:
    """The safe hold range of a held exercise (its minimum and maximum seconds)."""
    low, high = exercise.dose.hold_min_s, exercise.dose.hold_max_s
    assert low is not None and high is not None, f"{exercise.id} is not a held exercise"
    return low, high


def hold(dose: DoseChoice) -> int:
    """The hold of a held dose."""
    assert dose.hold_s is not None, "not a held dose"
    return dose.hold_s
