"""When the red-flag questions are due again: 4 weeks, a pain rise of 2, a new area."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supple.safety import Rescreen, rescreen_due

ANSWERED = date(2026, 3, 2)


def _due(
    days: int,
    readings: Sequence[tuple[int, int]] = (),
    *,
    pain: int = 4,
    then: tuple[str, ...] = ("lower_back",),
    now: tuple[str, ...] = ("lower_back",),
) -> Rescreen:
    """Due on day ``days`` after the answers; readings are (day after the answers, pain)."""
    return rescreen_due(
        answered_on=ANSWERED,
        pain_at_answers=pain,
        readings=[(ANSWERED + timedelta(days=d), v) for d, v in readings],
        areas_then=then,
        areas_now=now,
        today=ANSWERED + timedelta(days=days),
    )


@pytest.mark.parametrize(
    ("days", "readings", "now", "due", "reason"),
    [
        (27, [], ("lower_back",), False, None),
        (28, [], ("lower_back",), True, "four_weeks"),
        (3, [], ("lower_back", "neck"), True, "new_area"),
        (10, [(8, 6), (9, 6), (10, 6)], ("lower_back",), True, "pain_rise"),  # 4 -> 6
        (10, [(8, 5), (9, 6), (10, 6)], ("lower_back",), False, None),  # +1.7 only
        # the 7-day window: an old high reading no longer counts
        (20, [(5, 9), (19, 4), (20, 4)], ("lower_back",), False, None),
        # the baseline is the 7-day average up to the answers when there are readings then
        (10, [(-2, 6), (0, 6), (9, 7)], ("lower_back",), False, None),
        (10, [(-2, 2), (0, 2), (9, 4)], ("lower_back",), True, "pain_rise"),
    ],
)
def test_rescreen_table(
    days: int,
    readings: list[tuple[int, int]],
    now: tuple[str, ...],
    due: bool,
    reason: str | None,
) -> None:
    result = _due(days, readings, now=now)
    assert (result.due, result.reason) == (due, reason)


def test_no_answers_yet_asks_first() -> None:
    result = rescreen_due(
        answered_on=None,
        pain_at_answers=0,
        readings=[],
        areas_then=[],
        areas_now=["neck"],
        today=ANSWERED,
    )
    assert result.due and result.reason == "no_answers"


def test_a_pain_fall_or_a_dropped_area_is_not_a_reason() -> None:
    assert not _due(5, [(4, 1), (5, 1)], pain=6, then=("neck", "lower_back")).due


@given(
    st.integers(0, 200),
    st.lists(st.tuples(st.integers(-30, 200), st.integers(0, 10)), max_size=30),
    st.integers(0, 10),
)
def test_due_at_four_weeks_whatever_the_pain(
    days: int, readings: list[tuple[int, int]], pain: int
) -> None:
    result = _due(days, readings, pain=pain)
    if days >= 28:
        assert result.due
    if result.due:
        assert result.reason in ("pain_rise", "four_weeks")
        if result.reason == "pain_rise":
            assert result.pain_now is not None and result.pain_then is not None
            assert result.pain_now - result.pain_then >= 2
