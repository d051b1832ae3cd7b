"""When the red-flag questions are due again: every 4 weeks, on a pain rise, on a new area.

A pure function of what the adapters know (when the answers were given, the pain readings
since, the pain areas then and now, today); the adapters decide how to ask ("Today asks
first"). Nothing saved is touched.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import Literal

#: The red-flag questions are asked again after this long.
RESCREEN_EVERY = timedelta(weeks=4)
#: ... or when the 7-day average pain rises by this much over the average when answered.
PAIN_RISE = 2.0
WINDOW = timedelta(days=7)

RescreenReason = Literal["no_answers", "new_area", "pain_rise", "four_weeks"]


@dataclass(frozen=True, slots=True)
class Rescreen:
    """Whether to ask the red-flag questions again, and why (None when not due)."""

    due: bool
    reason: RescreenReason | None = None
    pain_then: float | None = None
    pain_now: float | None = None


def _mean(readings: Sequence[tuple[date, int]], first: date, last: date) -> float | None:
    values = [v for d, v in readings if first <= d <= last]
    return fmean(values) if values else None


def rescreen_due(
    *,
    answered_on: date | None,
    pain_at_answers: int,
    readings: Sequence[tuple[date, int]],
    areas_then: Collection[str],
    areas_now: Collection[str],
    today: date,
) -> Rescreen:
    """Whether the red-flag questions are due on ``today``.

    ``readings`` are (day, pain 0-10) pairs, any order; ``pain_at_answers`` stands in for the
    average when no reading falls in the 7 days up to the answers.
    """
    if answered_on is None:
        return Rescreen(True, "no_answers")
    if set(areas_now) - set(areas_then):
        return Rescreen(True, "new_area")
    then = _mean(readings, answered_on - WINDOW + timedelta(days=1), answered_on)
    baseline = float(pain_at_answers) if then is None else then
    since = max(answered_on + timedelta(days=1), today - WINDOW + timedelta(days=1))
    now = _mean(readings, since, today)
    if now is not None and now - baseline >= PAIN_RISE:
        return Rescreen(True, "pain_rise", baseline, now)
    if today - answered_on >= RESCREEN_EVERY:
        return Rescreen(True, "four_weeks", baseline, now)
    return Rescreen(False, None, baseline, now)
