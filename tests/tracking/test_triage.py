"""Triage flags: each rule at its edge, with its reason, and properties over random histories."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.presentation.triage import REASONS, TITLES, flag_reason, flag_title
from supple.tracking import FeedbackRecord, PainRecord, PsfsRecord, SessionRecord, TrackingInput
from supple.tracking.digest import digest_of
from supple.tracking.model import SpreadRecord
from supple.tracking.triage import RANK, RedFlagAnswer, TriageInput, flags

TODAY = date(2026, 6, 10)
SINCE = TODAY - timedelta(days=60)


def _day(n: int) -> date:
    return TODAY - timedelta(days=n)


def _input(**records: object) -> TrackingInput:
    return TrackingInput(today=TODAY, **records)  # type: ignore[arg-type]


def _every_day(days: int) -> tuple[SessionRecord, ...]:
    return tuple(SessionRecord(_day(n), "finished") for n in range(days))


def _codes(data: TrackingInput, **extra: object) -> list[str]:
    last = max((s.day for s in data.sessions if s.status == "finished"), default=None)
    found = flags(TriageInput(digest_of(data), SINCE, last, **extra))  # type: ignore[arg-type]
    return [f.code for f in found]


def test_a_patient_who_does_every_day_with_steady_pain_has_no_flag() -> None:
    pain = tuple(PainRecord(_day(n), 4) for n in range(40))
    assert _codes(_input(sessions=_every_day(30), pain=pain)) == []


def test_adherence_under_half_over_two_weeks_is_flagged_at_its_edge() -> None:
    six = tuple(SessionRecord(_day(n * 2), "finished") for n in range(6))
    seven = tuple(SessionRecord(_day(n * 2), "finished") for n in range(7))
    assert "low_adherence" in _codes(_input(sessions=six))
    assert "low_adherence" not in _codes(_input(sessions=seven))


def test_adherence_counts_the_days_per_week_asked() -> None:
    three_a_week = tuple(SessionRecord(_day(n), "finished") for n in (1, 3, 5, 8, 10, 12))
    data = TrackingInput(today=TODAY, sessions=three_a_week, days_per_week=3)
    assert "low_adherence" not in _codes(data)
    data = TrackingInput(today=TODAY, sessions=three_a_week[:2], days_per_week=3)
    assert "low_adherence" in _codes(data)


def test_nothing_is_missed_before_the_patient_had_two_weeks() -> None:
    found = flags(TriageInput(digest_of(_input()), TODAY - timedelta(days=5)))
    assert found == []
    found = flags(TriageInput(digest_of(_input()), TODAY - timedelta(days=13)))
    assert [f.code for f in found] == ["no_session", "low_adherence"]


def test_no_session_for_seven_days_names_the_last_one() -> None:
    data = _input(sessions=(SessionRecord(_day(7), "finished"),))
    found = flags(TriageInput(digest_of(data), SINCE, _day(7)))
    quiet = next(f for f in found if f.code == "no_session")
    assert quiet.params == {"last": _day(7), "days": 7}
    assert "7 days" in flag_reason(quiet) and _day(7).strftime("%d %b %Y") in flag_reason(quiet)
    found = flags(TriageInput(digest_of(data), SINCE, _day(6)))
    assert "no_session" not in [f.code for f in found]


def test_pain_rising_is_the_existing_warning() -> None:
    pain = tuple(PainRecord(_day(n), 6 if n < 7 else 3) for n in range(14))
    data = _input(sessions=_every_day(20), pain=pain)
    found = flags(TriageInput(digest_of(data), SINCE, TODAY))
    rising = next(f for f in found if f.code == "pain_rising")
    assert rising.params == {"before": 3.0, "now": 6.0}
    assert "3.0 to 6.0" in flag_reason(rising)
    softer = tuple(PainRecord(_day(n), 5 if n < 7 else 4) for n in range(14))
    assert "pain_rising" not in _codes(_input(sessions=_every_day(20), pain=softer))


def test_a_move_rated_painful_twice_is_flagged_once_per_move() -> None:
    fb = (
        FeedbackRecord(_day(9), "bridge", "painful", 1),
        FeedbackRecord(_day(3), "bridge", "painful", 2),
        FeedbackRecord(_day(3), "cat_cow", "painful", 2),
    )
    found = flags(TriageInput(digest_of(_input(sessions=_every_day(20), feedback=fb)), SINCE))
    painful = [f for f in found if f.code == "painful_twice"]
    assert [f.params["exercise"] for f in painful] == ["bridge"]
    assert painful[0].key == f"painful_twice:bridge:{_day(3).isoformat()}"
    assert flag_reason(painful[0], {"bridge": "Glute bridge"}).startswith("Glute bridge was")


def test_spreading_leg_symptoms_within_four_weeks() -> None:
    digest = digest_of(_input(sessions=_every_day(20)))
    recent = (SpreadRecord(_day(30), "cat_cow"), SpreadRecord(_day(2), "bridge"))
    found = flags(TriageInput(digest, SINCE, TODAY, spreads=recent))
    spread = next(f for f in found if f.code == "spreading")
    assert spread.params["exercises"] == ["bridge"] and spread.params["last"] == _day(2)
    old = flags(TriageInput(digest, SINCE, TODAY, spreads=recent[:1]))
    assert "spreading" not in [f.code for f in old]


def test_a_red_flag_answer_comes_first_with_its_tier() -> None:
    fb = tuple(FeedbackRecord(_day(n), "bridge", "painful", n) for n in (1, 2))
    digest = digest_of(_input(feedback=fb))
    answer = RedFlagAnswer(_day(1), "cauda_equina", "emergency")
    found = flags(TriageInput(digest, SINCE, None, red_flag=answer))
    assert found[0].code == "red_flag" and found[0].params["tier"] == "emergency"
    assert "emergency tier" in flag_reason(found[0])


def test_a_meaningful_improvement_is_flagged_to_progress_or_discharge() -> None:
    pain = tuple(PainRecord(_day(n), 7 if n > 30 else 3) for n in range(40))
    data = _input(sessions=_every_day(30), pain=pain)
    found = flags(TriageInput(digest_of(data), SINCE, TODAY))
    assert [f.code for f in found] == ["improved"]
    assert found[0].key == "improved:pain"
    psfs = (PsfsRecord(_day(30), "walking", 2), PsfsRecord(_day(1), "walking", 6))
    data = _input(sessions=_every_day(30), psfs=psfs)
    found = flags(TriageInput(digest_of(data), SINCE, TODAY))
    assert found[0].key == "improved:psfs" and "2.0 → 6.0" in flag_reason(found[0])


def test_every_code_has_a_title_and_a_reason() -> None:
    assert set(TITLES) == set(REASONS) == set(RANK)


sessions = st.lists(
    st.builds(
        lambda n, s: SessionRecord(_day(n), s),
        st.integers(0, 60),
        st.sampled_from(["finished", "stopped"]),
    ),
    max_size=60,
)
pains = st.lists(
    st.builds(lambda n, s: PainRecord(_day(n), s), st.integers(0, 60), st.integers(0, 10)),
    max_size=60,
)
feedbacks = st.lists(
    st.builds(
        lambda n, e, f: FeedbackRecord(_day(n), e, f, n),
        st.integers(0, 27),
        st.sampled_from(["bridge", "cat_cow"]),
        st.sampled_from(["fine", "painful", "too_hard"]),
    ),
    max_size=10,
)
spreads = st.lists(
    st.builds(lambda n, e: SpreadRecord(_day(n), e), st.integers(0, 60), st.just("bridge")),
    max_size=3,
)
red = st.none() | st.builds(
    lambda n, t: RedFlagAnswer(_day(n), "rule", t),
    st.integers(0, 30),
    st.sampled_from(["emergency", "urgent", "soon"]),
)


@settings(max_examples=150, deadline=None)
@given(sessions, pains, feedbacks, spreads, red, st.integers(1, 7))
def test_flags_are_ordered_unique_and_each_has_its_words(
    s: list[SessionRecord],
    p: list[PainRecord],
    f: list[FeedbackRecord],
    sp: list[SpreadRecord],
    answer: RedFlagAnswer | None,
    per_week: int,
) -> None:
    data = TrackingInput(
        today=TODAY,
        sessions=tuple(sorted(s, key=lambda r: r.day)),
        pain=tuple(sorted(p, key=lambda r: r.day)),
        feedback=tuple(sorted(f, key=lambda r: r.day)),
        days_per_week=per_week,
    )
    last = max((r.day for r in s if r.status == "finished"), default=None)
    found = flags(TriageInput(digest_of(data), SINCE, last, tuple(sp), answer))
    assert [x.rank for x in found] == sorted(x.rank for x in found)
    assert len({x.key for x in found}) == len(found)
    assert ("red_flag" in [x.code for x in found]) == (answer is not None)
    if answer is not None:
        assert found[0].code == "red_flag"
    for x in found:
        assert flag_title(x) and flag_reason(x).endswith((".", "?"))
    finished = {r.day for r in s if r.status == "finished" and (TODAY - r.day).days < 14}
    low = len(finished) < 0.5 * (per_week * 2)
    assert ("low_adherence" in [x.code for x in found]) == low
