"""Helpers for the safety tests: a harmless exercise to change one field at a time."""

from __future__ import annotations

from typing import Any

from supple.library.model import Exercise


def make_exercise(**fields: Any) -> Exercise:
    """A valid, harmless standing exercise, changed by ``fields``."""
    base: dict[str, Any] = {
        "id": "test_move",
        "name": "Test move",
        "kind": "stretch",
        "level": 1,
        "regions": ["lower_back"],
        "position": "standing",
        "sided": False,
        "dose": {"hold_s": 20, "hold_min_s": 10, "hold_max_s": 30},
        "purpose": "A harmless move used by the tests.",
        "steps": ["Stand tall.", "Breathe."],
        "breathing": "Slow and easy.",
        "feel": "Nothing much.",
        "mistakes": ["Rushing."],
        "stop_if": ["It hurts."],
    }
    return Exercise(**{**base, **fields})
