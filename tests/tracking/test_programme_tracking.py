"""Progression that follows the person, the direction test, the walking plan, stratified
support and today's lesson: pure rules on hand-made records."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.library import load_lessons, load_library
from supple.planner import make_plan
from supple.planner.direction import bends
from supple.presentation import say
from supple.safety import Profile
from supple.session.kinds import Feedback
from supple.tracking import FeedbackRecord, PainRecord, TrackingInput, adjustments_from
from supple.tracking.direction_test import (
    DirectionAnswers,
    Round,
    moves_for,
    outcome,
    result,
    spreads,
)
from supple.tracking.lesson_choice import Needs, todays_lesson
from supple.tracking.model import (
    DirectionTestRecord,
    DoneRecord,
    LessonRead,
    ScreenRecord,
    SpreadRecord,
    WalkRecord,
    WalkStart,
)
from supple.tracking.stratify import ITEMS, BadAnswers, score, stratify, tier_of, worried
from supple.tracking.walking import GOAL_S, GROWTH, next_target, plan_of, weeks

LIB = load_library()
LESSONS = load_lessons()
TODAY = date(2026, 3, 18)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def session(n: int, sid: int, exercise: str, feedback: Feedback | None = None) -> list[object]:
    out: list[object] = [DoneRecord(ago(n), exercise, sid)]
    if feedback:
        out.append(FeedbackRecord(ago(n), exercise, feedback, sid))
    return out


def data(*events: object, pain: tuple[PainRecord, ...] = ()) -> TrackingInput:
    done = tuple(e for e in events if isinstance(e, DoneRecord))
    feedback = tuple(e for e in events if isinstance(e, FeedbackRecord))
    return TrackingInput(today=TODAY, done=done, feedback=feedback, pain=pain)


def flat(*lists: list[object]) -> list[object]:
    return [e for chunk in lists for e in chunk]


# -- progression -------------------------------------------------------------------------


def test_two_easy_sessions_add_repetitions_then_a_set_then_the_harder_variant() -> None:
    easy = [session(20 - 2 * k, k, "bridge", "too_easy") for k in range(8)]
    steps = []
    for n in (2, 4, 6, 8):
        adj = adjustments_from(data(*flat(*easy[:n])), LIB)
        steps.append((adj.load_steps.get("bridge"), adj.replace.get("bridge")))
    assert steps == [(1, None), (2, None), (3, None), (None, "dead_bug")]
    adj = adjustments_from(data(*flat(*easy[:6])), LIB)
    plan = make_plan(Profile(pain_weeks=26, minutes=20), LIB, seed=1, adjustments=adj)
    notes = [say(n) for n in adj.notes]
    assert any("more repetitions" in n for n in notes) and any("one more set" in n for n in notes)
    bridge = next((i for i in plan.items if i.exercise == "bridge"), None)
    if bridge is not None:
        assert bridge.reps == LIB["bridge"].dose.reps + 4 and bridge.sets >= 2


def test_easy_does_not_count_when_pain_was_worse_the_next_day() -> None:
    pain = (
        *(PainRecord(ago(n), 3) for n in range(12, 19)),
        PainRecord(ago(9), 5),  # the morning after the first easy session
        PainRecord(ago(7), 3),
    )
    events = flat(session(10, 1, "bridge", "too_easy"), session(8, 2, "bridge", "too_easy"))
    assert adjustments_from(data(*events, pain=pain), LIB).load_steps == {}


def test_a_session_that_hurt_steps_back_and_twice_brings_the_easier_variant() -> None:
    once = adjustments_from(data(*session(3, 1, "bridge", "painful")), LIB)
    assert once.load_steps == {"bridge": -1}
    twice = adjustments_from(
        data(*session(3, 1, "bridge", "painful"), *session(2, 2, "bridge", "painful")), LIB
    )
    assert twice.replace == {"bridge": "pelvic_tilt"}
    assert any("easier" in say(n) for n in twice.notes)


def test_pain_more_than_two_points_up_the_next_morning_steps_every_move_back() -> None:
    pain = (*(PainRecord(ago(n), 3) for n in range(6, 13)), PainRecord(ago(4), 6))
    events = flat(session(5, 1, "bridge"), session(5, 1, "bird_dog"), session(5, 1, "cat_cow"))
    adj = adjustments_from(data(*events, pain=pain), LIB)
    assert adj.load_steps == {"bridge": -1, "bird_dog": -1}
    assert any("the next morning" in say(n) for n in adj.notes)
    calm = (*(PainRecord(ago(n), 3) for n in range(6, 13)), PainRecord(ago(4), 5))
    assert adjustments_from(data(*events, pain=calm), LIB).load_steps == {}


def test_an_earned_step_shows_in_the_plan() -> None:
    easy = flat(*(session(10 - 2 * k, k, "sit_to_stand", "too_easy") for k in range(2)))
    adj = adjustments_from(data(*easy), LIB)
    plan = make_plan(
        Profile(pain_weeks=26, minutes=15, can_get_to_floor=False), LIB, seed=2, adjustments=adj
    )
    item = next((i for i in plan.items if i.exercise == "sit_to_stand"), None)
    if item is not None:
        assert item.reps == LIB["sit_to_stand"].dose.reps + 2


# -- the direction test ------------------------------------------------------------------


def rnd(direction: str, before: str, where: str, change: str = "same", **kw: object) -> Round:
    return Round.model_validate(
        {
            "direction": direction,
            "before": before,
            "reps": kw.pop("reps", 10),
            "after": {"where": where, "change": change},
            **kw,
        }
    )


@pytest.mark.parametrize(
    ("before", "after", "change", "expected"),
    [
        ("thigh", "buttock", "same", "centralised"),
        ("below_knee", "back", "less", "centralised"),
        ("back", "back", "less", "eased"),
        ("back", "back", "more", "worse"),
        ("back", "back", "same", "no_change"),
        ("back", "thigh", "less", "spread"),
        ("buttock", "below_knee", "same", "spread"),
        ("none", "back", "same", "worse"),
    ],
)
def test_outcome_of_a_direction(before: str, after: str, change: str, expected: str) -> None:
    assert outcome(rnd("extension", before, after, change)) == expected


def test_stopping_a_set_because_it_spread_marks_the_direction() -> None:
    stopped = rnd("flexion", "buttock", "buttock", reps=4, stopped=True)
    assert outcome(stopped) == "spread"
    assert spreads("buttock", "thigh") and not spreads("none", "back")


def test_result_prefers_the_direction_that_centralises_over_one_that_eases() -> None:
    both = DirectionAnswers(
        position="lying",
        rounds=[rnd("extension", "thigh", "buttock"), rnd("flexion", "buttock", "buttock", "less")],
    )
    assert result(both).prefer == "extension"
    tie = DirectionAnswers(
        position="lying",
        rounds=[rnd("extension", "back", "back", "less"), rnd("flexion", "back", "back", "less")],
    )
    assert result(tie).prefer is None
    spread = DirectionAnswers(
        position="standing",
        rounds=[
            rnd("extension", "buttock", "thigh", stopped=True),
            rnd("flexion", "thigh", "buttock"),
        ],
    )
    assert result(spread).prefer == "flexion" and result(spread).avoid == ("extension",)


def test_the_test_moves_pass_the_safety_rules() -> None:
    assert all(moves_for(Profile(), LIB, "lying").values())
    moves = moves_for(Profile(conditions=["spinal_stenosis"]), LIB, "lying")
    assert moves["extension"] is None  # the press-up is end-range extension
    osteo = moves_for(Profile(conditions=["osteoporosis"]), LIB, "lying")
    assert osteo["flexion"] is None


LEG = Profile(pain_areas=["lower_back", "buttock_or_leg"], minutes=20, pain_weeks=8)


def test_the_test_result_sets_the_bias_over_the_guess() -> None:
    answers = DirectionAnswers(
        position="lying",
        rounds=[rnd("extension", "thigh", "back", "less"), rnd("flexion", "back", "back")],
    )
    record = DirectionTestRecord(ago(2), answers.model_dump(mode="json"))
    guess = LEG.model_copy(update={"eases_with": ["sitting"], "worse_with": ["walking"]})
    adj = adjustments_from(TrackingInput(today=TODAY, direction_tests=(record,)), LIB)
    plan = make_plan(guess, LIB, seed=1, adjustments=adj)
    assert make_plan(guess, LIB, seed=1).bias == "flexion"
    assert plan.bias == "extension"
    assert any(c.code == "lean_test" for c in plan.bias_codes)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(LIB)), st.integers(0, 200))
def test_leg_symptoms_spreading_removes_the_move_and_its_direction(
    exercise: str, seed: int
) -> None:
    ex = LIB[exercise]
    if ex.avoid or ex.kind not in ("stretch", "mobility", "strength"):
        return
    report = SpreadRecord(ago(1), exercise)
    adj = adjustments_from(TrackingInput(today=TODAY, spreads=(report,)), LIB)
    plan = make_plan(LEG, LIB, seed=seed, adjustments=adj)
    ids = {i.exercise for i in plan.items}
    assert exercise not in ids
    for direction in ("extension", "flexion"):
        if bends(ex, direction):
            assert plan.bias != direction
            assert not any(bends(LIB[i], direction) for i in ids)


def test_a_new_test_starts_afresh_after_a_spread() -> None:
    spread = SpreadRecord(ago(5), "sphinx")
    clear = DirectionAnswers(
        position="lying",
        rounds=[rnd("extension", "thigh", "back", "less"), rnd("flexion", "back", "back", "more")],
    )
    later = DirectionTestRecord(ago(1), clear.model_dump(mode="json"))
    adj = adjustments_from(
        TrackingInput(today=TODAY, spreads=(spread,), direction_tests=(later,)), LIB
    )
    assert adj.direction is not None and adj.direction.prefer == "extension"
    assert "sphinx" not in adj.leave_out


# -- walking -----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.integers(60, 3600),
    st.lists(st.tuples(st.integers(0, 120), st.integers(0, 7200)), max_size=60),
)
def test_the_walking_plan_never_grows_more_than_ten_percent_a_week(
    start_s: int, walked: list[tuple[int, int]]
) -> None:
    start = WalkStart(ago(120), start_s)
    walks = [WalkRecord(ago(n), s) for n, s in walked]
    plan = weeks(start, walks, TODAY)
    for before, after in itertools.pairwise(plan):
        assert before.target_s <= after.target_s <= before.target_s * (1 + GROWTH)
        assert after.target_s <= max(GOAL_S, start_s)


def test_the_walking_plan_grows_when_the_week_was_walked_and_holds_when_not() -> None:
    start = WalkStart(ago(21), 600)
    walked = [WalkRecord(ago(21 - d), 600) for d in range(7)]  # all of week 1
    plan = weeks(start, walked, TODAY)
    assert [w.target_s for w in plan] == [600, 660, 660, 660][: len(plan)]
    assert next_target(1000, 0.5) == 1000 and next_target(1790, 1.0) == GOAL_S
    now = plan_of(TrackingInput(today=TODAY, walk_start=start, walks=tuple(walked)))
    assert now is not None and now.this_week.number == 4


# -- stratification ----------------------------------------------------------------------


def answers(**given: int) -> dict[str, int]:
    base = {item.id: (item.low if not item.reverse else item.high) for item in ITEMS}
    return {**base, **given}


def test_scores_and_groups() -> None:
    assert score(answers()) == 1
    high = answers(
        duration=8,
        pain=7,
        light_tasks=3,
        sleep=3,
        tense=6,
        low_mood=5,
        persist_risk=7,
        normal_duties=4,
    )
    assert score(high) == 8 + 7 + 7 + 7 + 6 + 5 + 7 + 6 and tier_of(score(high)) == "high"
    assert tier_of(49) == "medium" and tier_of(40) == "medium" and tier_of(39) == "low"
    assert worried(answers(pain_means_stop=8)) and not worried(answers(pain=9))
    with pytest.raises(BadAnswers, match="missing"):
        score({"pain": 3})
    with pytest.raises(BadAnswers, match="0 to 10"):
        score(answers(pain=11))


def test_asked_at_the_start_and_every_four_weeks() -> None:
    assert stratify(TrackingInput(today=TODAY)).due
    fresh = TrackingInput(today=TODAY, screens=(ScreenRecord(ago(10), answers()),))
    assert not stratify(fresh).due
    old = TrackingInput(today=TODAY, screens=(ScreenRecord(ago(28), answers()),))
    assert stratify(old).due and stratify(old).latest is not None


# -- lessons -----------------------------------------------------------------------------


def test_high_worry_leads_with_hurt_and_harm() -> None:
    lesson = todays_lesson(LESSONS, TrackingInput(today=TODAY), Needs(worry=True))
    assert lesson is not None and lesson.id == "hurt_is_not_harm"
    plain = todays_lesson(LESSONS, TrackingInput(today=TODAY), Needs())
    assert plain is not None and plain.id == LESSONS.in_order()[0].id


def test_one_lesson_a_day_unread_first_then_the_oldest_again() -> None:
    read_today = TrackingInput(today=TODAY, lessons_read=(LessonRead(TODAY, "sleep"),))
    lesson = todays_lesson(LESSONS, read_today, Needs())
    assert lesson is not None and lesson.id == LESSONS.in_order()[0].id  # reading keeps it
    read_before = TrackingInput(
        today=TODAY, lessons_read=tuple(LessonRead(ago(1), x.id) for x in LESSONS.in_order()[:3])
    )
    lesson = todays_lesson(LESSONS, read_before, Needs())
    assert lesson is not None and lesson.id == LESSONS.in_order()[3].id
    everything = TrackingInput(
        today=TODAY,
        lessons_read=tuple(LessonRead(ago(30 - k), x.id) for k, x in enumerate(LESSONS.in_order())),
    )
    lesson = todays_lesson(LESSONS, everything, Needs())
    assert lesson is not None and lesson.id == LESSONS.in_order()[0].id
