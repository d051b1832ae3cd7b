"""What tracking keeps up to date as records arrive, so that reading progress costs the same on
day one and after ten years.

Every day with a record has a :class:`Day` (finished sessions, pain summed and counted, and the
run of days with a finished session that ends there), every week a :class:`Week` (days done,
pain, the runs of weeks that met 1 to 7 days a week, and the hold steps earned by its end).
:func:`next_day` and :func:`next_week` are one step of those folds: the store applies them as
records arrive, and :func:`days_of` / :func:`weeks_of` apply them to the whole history (the full
recomputation the store is tested against). A :class:`Digest` is the little a read needs: recent
days and weeks and a few totals; :func:`digest_of` makes it from full records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from supple.planner.steps import MAX_HOLD_STEP
from supple.tracking.adapt import SESSIONS_FOR_STEP
from supple.tracking.adherence import week_start
from supple.tracking.model import FeedbackRecord, PsfsRecord, TrackingInput

#: Days of :class:`Day` a digest holds, ending today (the pain trend's 28 days).
DIGEST_DAYS = 28
#: Weeks of :class:`Week` a digest holds, ending with this week.
DIGEST_WEEKS = 8
#: Thresholds of days a week a plan can ask for (1 to 7).
THRESHOLDS = 7


@dataclass(frozen=True, slots=True)
class Hold:
    """The hold-step fold after some weeks: the step, the last week's pain mean (as its sum and
    count, so it compares exactly), and whether it has started (at the first week with a
    finished session)."""

    step: int = 0
    pain_sum: int = 0
    pain_count: int = 0
    started: bool = False


@dataclass(frozen=True, slots=True)
class Day:
    """One local day: finished sessions, pain scores summed and counted, and ``run``, the days
    in a row with a finished session ending this day (0 when none finished)."""

    day: date
    finished: int = 0
    pain_sum: int = 0
    pain_count: int = 0
    run: int = 0


@dataclass(frozen=True, slots=True)
class Week:
    """One week (by its Monday): days with a finished session, pain, ``runs[k - 1]`` the weeks
    in a row ending here with at least ``k`` days done, and ``hold`` the fold after it."""

    start: date
    done: int = 0
    pain_sum: int = 0
    pain_count: int = 0
    runs: tuple[int, ...] = (0,) * THRESHOLDS
    hold: Hold = Hold()


def next_day(before: Day | None, day: Day) -> Day:
    """``day`` with its run, given the row of the day before it (None: no such row)."""
    previous = before.run if before is not None and before.day == day.day - timedelta(1) else 0
    run = previous + 1 if day.finished > 0 else 0
    return day if run == day.run else _replace_day(day, run)


def _replace_day(day: Day, run: int) -> Day:
    return Day(day.day, day.finished, day.pain_sum, day.pain_count, run)


def hold_after(before: Hold, done: int, pain_sum: int, pain_count: int) -> Hold:
    """The hold fold after one more week: +1 step for a week with four or more days done in
    which pain did not rise, -1 when pain rose by two points or more; weeks before the first
    finished session do not count."""
    if not before.started and done == 0:
        return before
    step = before.step
    if pain_count and before.pain_count:
        now = pain_sum / pain_count
        previous = before.pain_sum / before.pain_count
        if now - previous >= 2:
            step = max(0, step - 1)
        elif done >= SESSIONS_FOR_STEP and not now > previous:
            step = min(MAX_HOLD_STEP, step + 1)
    elif done >= SESSIONS_FOR_STEP:
        step = min(MAX_HOLD_STEP, step + 1)
    if pain_count:
        return Hold(step, pain_sum, pain_count, True)
    return Hold(step, before.pain_sum, before.pain_count, True)


def next_week(before: Week | None, week: Week) -> Week:
    """``week`` with its runs and hold fold, given the row of the week before it (None: none;
    a gap of weeks without records changes nothing)."""
    follows = before is not None and before.start == week.start - timedelta(weeks=1)
    runs = tuple(
        ((before.runs[k - 1] if follows and before else 0) + 1) if week.done >= k else 0
        for k in range(1, THRESHOLDS + 1)
    )
    hold = hold_after(before.hold if before else Hold(), week.done, week.pain_sum, week.pain_count)
    if runs == week.runs and hold == week.hold:
        return week
    return Week(week.start, week.done, week.pain_sum, week.pain_count, runs, hold)


def days_of(data: TrackingInput) -> list[Day]:
    """Every day with a record, oldest first, folded from the full records."""
    finished: dict[date, int] = {}
    pain: dict[date, list[int]] = {}
    for s in data.sessions:
        if s.status == "finished":
            finished[s.day] = finished.get(s.day, 0) + 1
    for p in data.pain:
        pain.setdefault(p.day, []).append(p.score)
    out: list[Day] = []
    for day in sorted(finished.keys() | pain.keys()):
        scores = pain.get(day, [])
        raw = Day(day, finished.get(day, 0), sum(scores), len(scores))
        out.append(next_day(out[-1] if out else None, raw))
    return out


def weeks_of(days: Iterable[Day]) -> list[Week]:
    """Every week with a record, oldest first, folded from the days."""
    totals: dict[date, list[int]] = {}
    for d in days:
        total = totals.setdefault(week_start(d.day), [0, 0, 0])
        total[0] += d.finished > 0
        total[1] += d.pain_sum
        total[2] += d.pain_count
    out: list[Week] = []
    for start in sorted(totals):
        done, pain_sum, pain_count = totals[start]
        out.append(next_week(out[-1] if out else None, Week(start, done, pain_sum, pain_count)))
    return out


@dataclass(frozen=True)
class Digest:
    """What reading progress and today's adjustments needs, whatever the length of history.

    ``days`` holds the :data:`DIGEST_DAYS` days ending today and ``weeks`` the
    :data:`DIGEST_WEEKS` weeks ending with this one (only those with a record); ``hold`` is the
    fold after the last complete week; ``baseline`` is the pain (sum, count) of the first seven
    days from ``first_pain``; ``feedback`` is the feedback window and ``psfs`` the first and
    the latest score of each activity.
    """

    today: date
    days_per_week: int = 7
    days: Mapping[date, Day] = field(default_factory=dict)
    weeks: Mapping[date, Week] = field(default_factory=dict)
    hold: Hold = Hold()
    sessions_done: int = 0
    best_run: int = 0
    first_pain: date | None = None
    baseline: tuple[int, int] = (0, 0)
    feedback: tuple[FeedbackRecord, ...] = ()
    psfs: tuple[PsfsRecord, ...] = ()


def first_and_latest(psfs: Iterable[PsfsRecord]) -> tuple[PsfsRecord, ...]:
    """The first and the latest score of each activity, in the order they were scored."""
    first: dict[str, PsfsRecord] = {}
    latest: dict[str, PsfsRecord] = {}
    for rec in psfs:
        first.setdefault(rec.activity, rec)
        latest[rec.activity] = rec
    return (*first.values(), *(r for a, r in latest.items() if r is not first[a]))


def digest_of(data: TrackingInput) -> Digest:
    """The digest of full records (what the store's summaries must always equal)."""
    days = days_of(data)
    weeks = weeks_of(days)
    this_week = week_start(data.today)
    first_day = data.today - timedelta(days=DIGEST_DAYS - 1)
    first_week = this_week - timedelta(weeks=DIGEST_WEEKS - 1)
    complete = [w for w in weeks if w.start < this_week]
    with_pain = [d for d in days if d.pain_count]
    first_pain = with_pain[0].day if with_pain else None
    baseline = (0, 0)
    if first_pain is not None:
        early = [d for d in with_pain if d.day <= first_pain + timedelta(days=6)]
        baseline = (sum(d.pain_sum for d in early), sum(d.pain_count for d in early))
    return Digest(
        today=data.today,
        days_per_week=data.days_per_week,
        days={d.day: d for d in days if first_day <= d.day <= data.today},
        weeks={w.start: w for w in weeks if first_week <= w.start <= this_week},
        hold=complete[-1].hold if complete else Hold(),
        sessions_done=sum(d.finished for d in days),
        best_run=max((d.run for d in days), default=0),
        first_pain=first_pain,
        baseline=baseline,
        feedback=data.feedback,
        psfs=first_and_latest(data.psfs),
    )


__all__ = [
    "DIGEST_DAYS",
    "DIGEST_WEEKS",
    "Day",
    "Digest",
    "Hold",
    "Week",
    "days_of",
    "digest_of",
    "first_and_latest",
    "hold_after",
    "next_day",
    "next_week",
    "weeks_of",
]
