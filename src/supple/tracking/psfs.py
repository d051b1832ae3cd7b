"""The Patient-Specific Functional Scale: first scores against the latest.

A rise of 2 points on average across the activities is a change beyond measurement noise, and
3 points for a single activity (Stratford 1995; about 1.4 is the smallest change that matters
for chronic low back pain, Maughan & Lewis 2010).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from supple.tracking.model import PsfsRecord, TrackingInput

AVERAGE_CHANGE = 2.0
SINGLE_CHANGE = 3


#: What the scale shows: nothing to compare yet, clearly easier on average, some activities
#: clearly easier, or no clear change.
PsfsCode = Literal["again_next_week", "easier", "some_easier", "no_clear_change"]


@dataclass(frozen=True, slots=True)
class PsfsChange:
    """First against latest average, activities that moved most, and the verdict's code."""

    meaningful: bool
    code: PsfsCode
    first: float | None = None
    latest: float | None = None
    improved: tuple[str, ...] = ()


def change(data: TrackingInput) -> PsfsChange | None:
    """None when the person has not used the scale."""
    return change_of(data.psfs)


def change_of(records: Iterable[PsfsRecord]) -> PsfsChange | None:
    """The change from scores in the order they were given (the first and the latest of each
    activity are enough); None when there are none."""
    first: dict[str, tuple[object, int]] = {}
    latest: dict[str, tuple[object, int]] = {}
    for rec in records:
        first.setdefault(rec.activity, (rec.day, rec.score))
        latest[rec.activity] = (rec.day, rec.score)
    if not first:
        return None
    scored_twice = [a for a in first if latest[a][0] != first[a][0]]
    if not scored_twice:
        return PsfsChange(False, "again_next_week")
    start = sum(first[a][1] for a in scored_twice) / len(scored_twice)
    end = sum(latest[a][1] for a in scored_twice) / len(scored_twice)
    improved = tuple(a for a in scored_twice if latest[a][1] - first[a][1] >= SINGLE_CHANGE)
    if end - start >= AVERAGE_CHANGE:
        return PsfsChange(True, "easier", start, end, improved)
    if improved:
        return PsfsChange(True, "some_easier", start, end, improved)
    return PsfsChange(False, "no_clear_change", start, end, improved)
