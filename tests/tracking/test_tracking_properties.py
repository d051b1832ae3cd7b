"""Properties of the tracking summary on random histories (Hypothesis, few examples)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.tracking import PainRecord, SessionRecord, TrackingInput, summarize
from supple.tracking import pain as pain_mod

TODAY = date(2026, 6, 10)

days_ago = st.integers(min_value=0, max_value=120)
sessions = st.lists(
    st.builds(
        lambda n, s: SessionRecord(TODAY - timedelta(days=n), s),
        days_ago,
        st.sampled_from(["finished", "stopped", "in_progress"]),
    ),
    max_size=80,
)
pains = st.lists(
    st.builds(lambda n, s: PainRecord(TODAY - timedelta(days=n), s), days_ago, st.integers(0, 10)),
    max_size=80,
)


@settings(max_examples=60, deadline=None)
@given(sessions, pains, st.integers(1, 7))
def test_summary_is_always_within_bounds(
    s: list[SessionRecord], p: list[PainRecord], per_week: int
) -> None:
    data = TrackingInput(
        today=TODAY,
        sessions=tuple(sorted(s, key=lambda r: r.day)),
        pain=tuple(sorted(p, key=lambda r: r.day)),
        days_per_week=per_week,
    )
    result = summarize(data, {})
    assert 0 <= result.this_week.ratio <= 1
    assert result.this_week.done <= 7
    assert 0 <= result.streak_days <= result.best_streak_days
    assert result.sessions_done == sum(1 for r in s if r.status == "finished")
    assert result.pain_now is None or 0 <= result.pain_now <= 10
    assert len(result.pain_trend) == 28
    assert 0 <= result.adjustments.hold_step <= 12
    change = result.pain_change
    if change.verdict == "better":
        assert change.change is not None and change.threshold is not None
        assert -change.change >= change.threshold
    if change.verdict == "worse":
        assert change.change is not None and change.threshold is not None
        assert change.change >= change.threshold
    assert bool(result.warnings) == (pain_mod.rising(data) is not None)
