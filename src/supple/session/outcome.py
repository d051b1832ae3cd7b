"""How a session ended, judged by the work done: it counts as done when at least half of its
work time (holding or flowing) was done, whether it was played to the end or stopped."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from supple.planner import timing
from supple.session.kinds import EndStatus

if TYPE_CHECKING:
    from supple.planner.model import PlanItem

#: The share of a session's work time that makes it count as done.
DONE_SHARE = 0.5


def work_seconds(items: Iterable[PlanItem]) -> int:
    """Seconds of holding or flowing in ``items``, both sides, every repetition."""
    return sum(
        seg.seconds
        for item in items
        for seg in timing.item_segments(item, None)
        if seg.kind == "work"
    )


def end_status(*, planned_s: int, held_s: int) -> EndStatus:
    """``finished`` when ``held_s`` is at least half of ``planned_s``, else ``stopped``."""
    if planned_s <= 0:
        return "stopped"
    return "finished" if held_s >= DONE_SHARE * planned_s else "stopped"


__all__ = ["DONE_SHARE", "end_status", "work_seconds"]
