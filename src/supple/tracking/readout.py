"""Progress and the planner's adjustments read from a :class:`~supple.tracking.digest.Digest`:
the same answers as :func:`~supple.tracking.summary.summarize` and
:func:`~supple.tracking.adapt.adjustments_from` give from full records, at a cost that does
not grow with the history."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING

from supple.tracking import pain, psfs
from supple.tracking.adapt import Decisions, decide, warning_of
from supple.tracking.adherence import WeekAdherence, week_start
from supple.tracking.digest import DIGEST_DAYS, DIGEST_WEEKS, Digest
from supple.tracking.stratify import stratify
from supple.tracking.summary import TREND_DAYS, Progress
from supple.tracking.walking import plan_of

if TYPE_CHECKING:
    from supple.library.model import Exercise
    from supple.planner.adjust import Adjustments
    from supple.tracking.model import TrackingInput


def _scores(d: Digest, end_ago: int, days: int = pain.WINDOW_DAYS) -> pain.Scores:
    """(sum, count) of the pain scores of ``days`` days ending ``end_ago`` days before today."""
    end = d.today - timedelta(days=end_ago)
    picked = [d.days.get(end - timedelta(days=i)) for i in range(days)]
    return sum(x.pain_sum for x in picked if x), sum(x.pain_count for x in picked if x)


def _rose(d: Digest) -> tuple[float, float] | None:
    return pain.rose(_scores(d, pain.WINDOW_DAYS), _scores(d, 0))


def decisions(
    d: Digest, recent: TrackingInput, library: Mapping[str, Exercise] | None = None
) -> Decisions:
    """What tracking decided (replacements, exclusions, hold and load steps, notes, the
    warning); ``recent`` holds the records of the last ``adapt.RECENT_DAYS`` days at least."""
    return decide(recent, library, step=d.hold.step, warning=warning_of(_rose(d)))


def adjustments(
    d: Digest, recent: TrackingInput, library: Mapping[str, Exercise] | None = None
) -> Adjustments:
    """What the planner should change (as :func:`~supple.tracking.adapt.adjustments_from`)."""
    from supple.planner.adjust import Adjustments

    found = decisions(d, recent, library)
    return Adjustments(
        replace=found.replace,
        leave_out=found.leave_out,
        hold_step=found.hold_step,
        notes=found.notes,
        load_steps=found.load_steps,
        direction=found.direction,
    )


def summarize(
    d: Digest, window: TrackingInput, library: Mapping[str, Exercise] | None = None
) -> Progress:
    """The progress summary (as :func:`~supple.tracking.summary.summarize`); ``window`` as
    :func:`decisions` takes it."""
    assert TREND_DAYS <= DIGEST_DAYS and DIGEST_WEEKS >= 8
    found = decisions(d, window, library)
    this_week = week_start(d.today)
    recent = []
    for ago in range(7, -1, -1):
        start = this_week - timedelta(weeks=ago)
        week = d.weeks.get(start)
        recent.append(WeekAdherence(start, week.done if week else 0, d.days_per_week))
    today = d.days.get(d.today)
    yesterday = d.days.get(d.today - timedelta(days=1))
    if today is not None and today.finished:
        streak = today.run
    else:
        streak = yesterday.run if yesterday is not None else 0
    current = d.weeks.get(this_week)
    last = d.weeks.get(this_week - timedelta(weeks=1))
    k = d.days_per_week
    if current is not None and current.done >= k:
        weeks = current.runs[k - 1]
    else:
        weeks = last.runs[k - 1] if last is not None else 0
    trend_first = d.today - timedelta(days=TREND_DAYS - 1)
    trend = []
    for i in range(TREND_DAYS):
        day = d.days.get(trend_first + timedelta(days=i))
        trend.append(day.pain_sum / day.pain_count if day and day.pain_count else None)
    now = _scores(d, 0)
    return Progress(
        this_week=recent[-1],
        recent_weeks=recent,
        streak_days=streak,
        best_streak_days=d.best_run,
        streak_weeks=weeks,
        sessions_done=d.sessions_done,
        pain_now=now[0] / now[1] if now[1] else None,
        pain_trend=trend,
        pain_change=pain.judge(d.first_pain, d.baseline, now, d.today),
        psfs_change=psfs.change_of(d.psfs),
        warnings=[found.warning] if found.warning else [],
        adjustments=found,
        # the programme's records come whole with any window (walks, questionnaires, lessons)
        walking=plan_of(window),
        support=stratify(window),
        lessons_read=len({r.lesson for r in window.lessons_read}),
    )


__all__ = ["adjustments", "decisions", "summarize"]
