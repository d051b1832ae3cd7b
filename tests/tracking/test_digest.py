"""The digest gives exactly what the full records give: progress and adjustments (Hypothesis)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.tracking import (
    FeedbackRecord,
    PainRecord,
    PsfsRecord,
    SessionRecord,
    TrackingInput,
    adjustments_from,
    readout,
    summarize,
)
from supple.tracking.adapt import RECENT_DAYS
from supple.tracking.digest import digest_of

TODAY = date(2026, 6, 10)
days_ago = st.integers(min_value=-3, max_value=200)


def _day(n: int) -> date:
    return TODAY - timedelta(days=n)


sessions = st.lists(
    st.builds(
        lambda n, s: SessionRecord(_day(n), s),
        days_ago,
        st.sampled_from(["finished", "finished", "stopped", "in_progress"]),
    ),
    max_size=120,
)
pains = st.lists(
    st.builds(
        lambda n, s, m: PainRecord(_day(n), s, m),
        days_ago,
        st.integers(0, 10),
        st.sampled_from(["daily", "before", "after"]),
    ),
    max_size=120,
)
feedback = st.lists(
    st.builds(
        lambda n, e, f, s: FeedbackRecord(_day(n), e, f, s),
        st.integers(0, 27),
        st.sampled_from(["cat_cow", "bridge", "bird_dog"]),
        st.sampled_from(["fine", "too_easy", "too_hard", "painful"]),
        st.integers(1, 6),
    ),
    max_size=12,
)
psfs_scores = st.lists(
    st.builds(
        lambda n, a, s: PsfsRecord(_day(n), a, s),
        days_ago,
        st.sampled_from(["stairs", "socks", "lifting"]),
        st.integers(0, 10),
    ),
    max_size=20,
)


@settings(max_examples=120, deadline=None)
@given(sessions, pains, feedback, psfs_scores, st.integers(1, 7), st.integers(-10, 30))
def test_the_digest_reads_like_the_full_records(
    s: list[SessionRecord],
    p: list[PainRecord],
    f: list[FeedbackRecord],
    q: list[PsfsRecord],
    per_week: int,
    shift: int,
) -> None:
    data = TrackingInput(
        today=TODAY + timedelta(days=shift),
        sessions=tuple(sorted(s, key=lambda r: r.day)),
        pain=tuple(sorted(p, key=lambda r: r.day)),
        feedback=tuple(sorted(f, key=lambda r: r.day)),
        psfs=tuple(sorted(q, key=lambda r: r.day)),
        days_per_week=per_week,
    )
    digest = digest_of(data)
    assert readout.summarize(digest, data, {}) == summarize(data, {})
    assert readout.adjustments(digest, data, {}) == adjustments_from(data, {})
    # The store hands over only the recent window besides the digest: the same decisions.
    cut = data.today - timedelta(days=RECENT_DAYS)
    recent = dataclasses.replace(
        data,
        sessions=tuple(r for r in data.sessions if r.day >= cut),
        pain=tuple(r for r in data.pain if r.day >= cut),
        psfs=tuple(r for r in data.psfs if r.day >= cut),
    )
    assert readout.adjustments(digest, recent, {}) == adjustments_from(data, {})
