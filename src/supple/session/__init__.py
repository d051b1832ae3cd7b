"""The guided session: a plan laid out as a timeline, played on an injected clock.

The names below load on first use, so importing ``supple.session.events`` (the store does)
does not pull in the planner.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supple.session.coach import Coach
    from supple.session.cues import Cue
    from supple.session.player import ItemOutcome, Player
    from supple.session.timeline import Segment, Timeline, TimelineItem, build_timeline

_HOMES = {
    "Coach": "coach",
    "Cue": "cues",
    "ItemOutcome": "player",
    "Player": "player",
    "Segment": "timeline",
    "Timeline": "timeline",
    "TimelineItem": "timeline",
    "build_timeline": "timeline",
}

__all__ = [
    "Coach",
    "Cue",
    "ItemOutcome",
    "Player",
    "Segment",
    "Timeline",
    "TimelineItem",
    "build_timeline",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"supple.session.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'supple.session' has no attribute '{name}'")
