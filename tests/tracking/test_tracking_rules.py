"""Tracking maths on hand-made records: adherence, streaks, pain change, PSFS, adjustments."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from supple.library.loader import Library
from supple.library.model import Dose, Exercise
from supple.presentation import pain_verdict, say
from supple.session.kinds import Feedback
from supple.tracking import (
    FeedbackRecord,
    PainRecord,
    PsfsRecord,
    SessionRecord,
    TrackingInput,
    adherence,
    adjustments_from,
    pain,
    psfs,
    summarize,
)
from supple.tracking.adapt import hold_steps, pain_warning
from supple.tracking.model import SessionStatus

TODAY = date(2026, 3, 18)  # a Wednesday


def ex(
    id_: str, regressions: list[str] | None = None, progressions: list[str] | None = None
) -> Exercise:
    return Exercise(
        id=id_,
        name=id_.replace("_", " ").title(),
        kind="stretch",
        level=2,
        regions=["lower_back"],
        position="supine",
        sided=False,
        dose=Dose(hold_s=20, hold_min_s=10, hold_max_s=30),
        purpose="a test exercise for the tracking rules",
        steps=["lie down", "breathe"],
        breathing="slowly",
        feel="a gentle stretch",
        mistakes=["rushing"],
        stop_if=["it hurts"],
        regressions=regressions or [],
        progressions=progressions or [],
    )


LIBRARY = Library(
    [
        ex("pelvic_tilt", progressions=["bridge"]),
        ex("bridge", regressions=["pelvic_tilt"], progressions=["dead_bug"]),
        ex("dead_bug", regressions=["bridge"]),
        ex("knee_hug"),
    ]
)


def days_back(n: int) -> date:
    return TODAY - timedelta(days=n)


def sessions(*ago: int, status: SessionStatus = "finished") -> tuple[SessionRecord, ...]:
    return tuple(SessionRecord(days_back(n), status) for n in sorted(ago, reverse=True))


def pains(scores: dict[int, int]) -> tuple[PainRecord, ...]:
    return tuple(PainRecord(days_back(n), s) for n, s in sorted(scores.items(), reverse=True))


def test_adherence_counts_days_with_a_finished_session() -> None:
    data = TrackingInput(
        today=TODAY,
        sessions=sessions(0, 1, 2) + sessions(0) + sessions(3, status="stopped"),
        days_per_week=4,
    )
    week = adherence.this_week(data)
    assert week.start == date(2026, 3, 16)  # Monday
    assert (week.done, week.planned) == (3, 4)  # two on one day count once; Sunday is last week
    assert week.ratio == pytest.approx(0.75)
    assert not week.met


def test_weekly_adherence_covers_every_week_since_the_first() -> None:
    data = TrackingInput(today=TODAY, sessions=sessions(20, 12, 11, 0))
    weeks = adherence.weekly(data)
    assert [w.done for w in weeks] == [1, 2, 0, 1]
    assert weeks[0].start == date(2026, 2, 23)
    assert len(adherence.weekly(data, weeks=8)) == 8


def test_streaks() -> None:
    data = TrackingInput(today=TODAY, sessions=sessions(1, 2, 3, 5, 6, 7, 8, 9))
    assert adherence.day_streak(data) == 3  # today is still open: counts from yesterday
    assert adherence.best_day_streak(data) == 5
    gone = TrackingInput(today=TODAY, sessions=sessions(2, 3))
    assert adherence.day_streak(gone) == 0


def test_week_streak_counts_weeks_that_met_the_plan() -> None:
    # days_per_week 2: last week and the week before met it, the one before that did not
    data = TrackingInput(today=TODAY, sessions=sessions(23, 12, 11, 5, 4), days_per_week=2)
    assert adherence.week_streak(data) == 2
    met_now = TrackingInput(today=TODAY, sessions=sessions(12, 11, 5, 4, 1, 0), days_per_week=2)
    assert adherence.week_streak(met_now) == 3


@pytest.mark.parametrize(
    ("baseline", "needed"), [(1, 1), (3, 1), (4, 1), (5, 2), (7, 2), (8, 3), (10, 3)]
)
def test_meaningful_threshold_depends_on_baseline(baseline: int, needed: int) -> None:
    assert pain.threshold(baseline) == needed


def _two_weeks(first: int, now: int) -> TrackingInput:
    scores = {30: first, 28: first, 26: first, 5: now, 3: now, 1: now}
    return TrackingInput(today=TODAY, pain=pains(scores))


def test_pain_better_by_the_threshold_is_said_plainly() -> None:
    result = pain.change(_two_weeks(6, 4))
    assert result.verdict == "better"
    assert result.baseline == 6 and result.now == 4 and result.threshold == 2
    words = pain_verdict(result)
    assert result.code == "better" and "clearly lower" in words and "33%" in words


def test_one_point_matters_from_a_low_baseline_but_not_a_high_one() -> None:
    assert pain.change(_two_weeks(3, 2)).verdict == "better"
    assert pain.change(_two_weeks(6, 5)).verdict == "no_clear_change"
    assert pain.change(_two_weeks(9, 7)).verdict == "no_clear_change"
    assert pain.change(_two_weeks(9, 6)).verdict == "better"


def test_pain_worse_says_get_checked() -> None:
    result = pain.change(_two_weeks(4, 6))
    assert result.verdict == "worse" and "get checked" in pain_verdict(result)


def test_too_little_data_says_so() -> None:
    assert pain.change(TrackingInput(today=TODAY)).verdict == "not_enough_data"
    early = TrackingInput(today=TODAY, pain=pains({9: 5, 8: 5, 1: 3}))
    result = pain.change(early)
    assert result.verdict == "not_enough_data" and result.wait_days == 4
    assert "4 days" in pain_verdict(result)
    sparse = TrackingInput(today=TODAY, pain=pains({30: 5, 29: 5, 1: 3}))
    assert pain.change(sparse).verdict == "not_enough_data"


def test_seven_day_average_and_trend() -> None:
    data = TrackingInput(today=TODAY, pain=pains({7: 9, 6: 4, 2: 2, 0: 3}))
    assert pain.average(data) == pytest.approx(3)  # day 7 is outside the 7-day window
    trend = pain.daily_means(data, 8)
    assert trend == [9, 4, None, None, None, 2, None, 3]


def test_pain_rising_two_points_in_a_week_warns() -> None:
    data = TrackingInput(today=TODAY, pain=pains({10: 3, 8: 3, 3: 5, 1: 6}))
    found = pain_warning(data)
    assert found is not None and found.code == "pain_rising"
    warning = say(found)
    assert "3.0 to 5.5" in warning and "Ease off" in warning and "get checked" in warning
    calm = TrackingInput(today=TODAY, pain=pains({10: 3, 8: 3, 3: 4, 1: 4}))
    assert pain_warning(calm) is None


def test_psfs_change() -> None:
    def rec(n: int, activity: str, score: int) -> PsfsRecord:
        return PsfsRecord(days_back(n), activity, score)

    assert psfs.change(TrackingInput(today=TODAY)) is None
    once = TrackingInput(today=TODAY, psfs=(rec(3, "stairs", 3),))
    first = psfs.change(once)
    assert first is not None and not first.meaningful
    data = TrackingInput(
        today=TODAY,
        psfs=(
            rec(21, "stairs", 3),
            rec(21, "sitting", 4),
            rec(0, "stairs", 6),
            rec(0, "sitting", 5),
        ),
    )
    result = psfs.change(data)
    assert result is not None and result.meaningful
    assert (result.first, result.latest) == (3.5, 5.5)
    assert result.improved == ("stairs",)
    small = TrackingInput(
        today=TODAY,
        psfs=(
            rec(21, "stairs", 3),
            rec(21, "sitting", 4),
            rec(0, "stairs", 4),
            rec(0, "sitting", 5),
        ),
    )
    unclear = psfs.change(small)
    assert unclear is not None and not unclear.meaningful


def fb(n: int, exercise: str, feedback: Feedback, session: int) -> FeedbackRecord:
    return FeedbackRecord(days_back(n), exercise, feedback, session)


def test_painful_twice_brings_the_regression_or_leaves_it_out() -> None:
    data = TrackingInput(
        today=TODAY,
        feedback=(
            fb(3, "bridge", "painful", 1),
            fb(2, "bridge", "painful", 2),
            fb(3, "knee_hug", "painful", 1),
            fb(1, "knee_hug", "painful", 3),
            fb(1, "dead_bug", "painful", 3),  # once only: no change
        ),
    )
    adj = adjustments_from(data, LIBRARY)
    assert adj.replace == {"bridge": "pelvic_tilt"}
    assert "knee_hug" in adj.leave_out and "no gentler variant" in adj.leave_out["knee_hug"]
    assert any("Bridge hurt twice" in say(n) for n in adj.notes)


def test_once_in_each_of_two_sessions_counts_but_twice_in_one_does_not() -> None:
    same = TrackingInput(
        today=TODAY, feedback=(fb(1, "bridge", "painful", 7), fb(1, "bridge", "painful", 7))
    )
    assert adjustments_from(same, LIBRARY).replace == {}


def test_old_feedback_is_forgotten() -> None:
    old = TrackingInput(
        today=TODAY,
        feedback=(fb(40, "bridge", "painful", 1), fb(35, "bridge", "painful", 2)),
    )
    assert adjustments_from(old, LIBRARY).replace == {}


def test_too_easy_twice_brings_the_progression() -> None:
    data = TrackingInput(
        today=TODAY,
        feedback=(
            fb(3, "pelvic_tilt", "too_easy", 1),
            fb(2, "pelvic_tilt", "too_easy", 2),
            fb(3, "dead_bug", "too_easy", 1),
            fb(2, "dead_bug", "too_easy", 2),
        ),
    )
    adj = adjustments_from(data, LIBRARY)
    assert adj.replace == {"pelvic_tilt": "bridge"}
    assert any("already the hardest" in say(n) for n in adj.notes)


def test_hold_steps_grow_with_steady_weeks_and_stop_when_pain_rises() -> None:
    # three complete weeks with 4+ sessions each, pain steady
    steady = TrackingInput(
        today=TODAY,
        sessions=sessions(*range(3, 23)),
        pain=pains({20: 4, 13: 4, 6: 4}),
    )
    assert hold_steps(steady) == 3
    thin = TrackingInput(today=TODAY, sessions=sessions(3, 5, 10, 12, 17, 19))
    assert hold_steps(thin) == 0
    rising = TrackingInput(
        today=TODAY, sessions=sessions(*range(3, 23)), pain=pains({20: 2, 13: 3, 6: 3})
    )
    assert hold_steps(rising) == 2  # the week pain rose earns nothing
    jump = TrackingInput(
        today=TODAY, sessions=sessions(*range(3, 23)), pain=pains({20: 2, 13: 2, 6: 5})
    )
    assert hold_steps(jump) == 1  # +1, +1, then -1 for a 3-point rise


def test_summary_puts_it_together() -> None:
    data = TrackingInput(
        today=TODAY,
        sessions=sessions(*range(0, 30)),
        pain=pains({n: 6 if n > 20 else 4 for n in range(0, 30)}),
    )
    progress = summarize(data, LIBRARY)
    assert progress.streak_days == 30 and progress.sessions_done == 30
    assert progress.this_week.done == 3 and progress.pain_now == 4
    assert progress.pain_change.verdict == "better"
    assert len(progress.pain_trend) == 28 and progress.warnings == []
    assert progress.adjustments.hold_step >= 3
