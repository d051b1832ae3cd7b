"""Pain over time: averages, baseline against now, and whether the change is meaningful.

Meaningful change on the 0–10 numeric rating scale depends on where a person starts (Thieme
2020): about 1 point from a baseline of 1–4, 2 points from 5–7 and 3 or more from 8–10, which
agrees with the usual "2 points or about 30%" (Ostelo 2008, Childs 2005) in the middle range.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from supple.tracking.model import PainRecord, TrackingInput

#: Days averaged for "now" and for the baseline.
WINDOW_DAYS = 7
#: Scores needed in a window before it says anything.
MIN_SCORES = 2

Verdict = Literal["better", "worse", "no_clear_change", "not_enough_data", "no_pain"]


def mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def window(pain: Iterable[PainRecord], end: date, days: int = WINDOW_DAYS) -> list[int]:
    """Scores on the ``days`` days ending with ``end``."""
    first = end - timedelta(days=days - 1)
    return [p.score for p in pain if first <= p.day <= end]


def average(data: TrackingInput, end: date | None = None) -> float | None:
    """The mean score of the 7 days ending ``end`` (default today)."""
    return mean(window(data.pain, end or data.today))


def daily_means(data: TrackingInput, days: int) -> list[float | None]:
    """The mean score of each of the last ``days`` days, oldest first (None: no score)."""
    first = data.today - timedelta(days=days - 1)
    by_day: dict[date, list[int]] = {}
    for p in data.pain:
        if p.day >= first:
            by_day.setdefault(p.day, []).append(p.score)
    return [mean(by_day.get(first + timedelta(days=i), [])) for i in range(days)]


def threshold(baseline: float) -> int:
    """The smallest change that means something, from this baseline (Thieme 2020)."""
    level = round(baseline)
    if level <= 4:
        return 1
    if level <= 7:
        return 2
    return 3


#: Why the verdict is what it is: ``not_enough_data`` has three reasons.
ChangeCode = Literal[
    "no_scores", "too_early", "too_few", "no_pain", "better", "worse", "no_clear_change"
]


@dataclass(frozen=True, slots=True)
class PainChange:
    """Baseline against now, the verdict, and why (``supple.presentation`` says it in words)."""

    verdict: Verdict
    code: ChangeCode
    baseline: float | None = None
    now: float | None = None
    threshold: int | None = None
    #: days until the first comparison is possible (code ``too_early``)
    wait_days: int | None = None

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.now is None:
            return None
        return self.now - self.baseline


def change(data: TrackingInput) -> PainChange:
    """Compare the first week of scores with the last 7 days."""
    if not data.pain:
        return PainChange("not_enough_data", "no_scores")
    start = min(p.day for p in data.pain)
    base = window(data.pain, start + timedelta(days=WINDOW_DAYS - 1))
    now = window(data.pain, data.today)
    return judge(start, (sum(base), len(base)), (sum(now), len(now)), data.today)


#: A window of scores as (sum, count): enough for its mean, and what the store keeps.
Scores = tuple[int, int]


def judge(start: date | None, base: Scores, now: Scores, today: date) -> PainChange:
    """The verdict from the first day with a score, the first week's scores and the last 7
    days' (see :func:`change`)."""
    if start is None:
        return PainChange("not_enough_data", "no_scores")
    recent_first = today - timedelta(days=WINDOW_DAYS - 1)
    if recent_first <= start + timedelta(days=WINDOW_DAYS - 1):
        wait = (start + timedelta(days=2 * WINDOW_DAYS - 1) - today).days
        return PainChange("not_enough_data", "too_early", wait_days=wait)
    if base[1] < MIN_SCORES or now[1] < MIN_SCORES:
        return PainChange("not_enough_data", "too_few")
    before = base[0] / base[1]
    after = now[0] / now[1]
    if before < 0.5:
        return PainChange("no_pain", "no_pain", before, after, None)
    need = threshold(before)
    diff = after - before
    if -diff >= need:
        return PainChange("better", "better", before, after, need)
    if diff >= need:
        return PainChange("worse", "worse", before, after, need)
    return PainChange("no_clear_change", "no_clear_change", before, after, need)


def rising(data: TrackingInput, by: float = 2.0) -> tuple[float, float] | None:
    """(previous week, this week) means when pain rose by ``by`` or more over the last week."""
    now = window(data.pain, data.today)
    before = window(data.pain, data.today - timedelta(days=WINDOW_DAYS))
    return rose((sum(before), len(before)), (sum(now), len(now)), by)


def rose(before: Scores, now: Scores, by: float = 2.0) -> tuple[float, float] | None:
    """(previous week, this week) means when the week's pain rose by ``by`` or more."""
    if not now[1] or not before[1]:
        return None
    was = before[0] / before[1]
    is_now = now[0] / now[1]
    return (was, is_now) if is_now - was >= by else None
