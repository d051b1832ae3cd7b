"""Targeted behaviour of make_plan: bias, gentle mode, order, variety, adjustments, referral."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from supple.library import load_library
from supple.planner import Adjustments, make_plan
from supple.planner.bias import directional_bias, preference
from supple.planner.dose import base_dose, ladder
from supple.planner.order import POSITION_RANK
from supple.presentation import render_plan
from supple.safety import Profile
from tests.planner.kit import hold, safe_range

LIB = load_library()
DAY = date(2026, 3, 2)


def plan_for(**answers: Any) -> Any:
    seed = answers.pop("seed", 1)
    adjustments = answers.pop("adjustments", None)
    return make_plan(Profile(**answers), LIB, seed=seed, day=DAY, adjustments=adjustments)


@pytest.mark.parametrize(
    ("eases", "worse", "bias"),
    [
        (["walking", "standing"], ["sitting"], "extension"),
        (["bending_backward"], [], "extension"),
        (["sitting"], ["walking", "standing"], "flexion"),
        (["bending_forward"], ["bending_backward"], "flexion"),
        ([], [], "neutral"),
        (["walking"], ["walking_never"] and ["bending_backward"], "neutral"),
        (["lying_down"], ["twisting"], "neutral"),
    ],
)
def test_directional_bias(eases: list[str], worse: list[str], bias: str) -> None:
    got, reason = directional_bias(Profile(eases_with=eases, worse_with=worse))
    assert got == bias and reason


def test_conditions_break_a_tie() -> None:
    assert directional_bias(Profile(conditions=["spinal_stenosis"]))[0] == "flexion"
    assert directional_bias(Profile(conditions=["osteoporosis"]))[0] == "extension"


def test_extension_bias_prefers_extension_moves() -> None:
    plan = plan_for(eases_with=["walking"], worse_with=["sitting", "bending_forward"], minutes=20)
    assert plan.bias == "extension" and plan.bias_codes[0].code == "lean_extension"
    assert "walking" in (render_plan(plan).bias_reason or "")
    prefs = [preference(LIB[i.exercise], "extension") for i in plan.items]
    assert prefs.count(1) >= 2 and prefs.count(1) > prefs.count(-1)


def test_flexion_bias_prefers_flexion_moves() -> None:
    plan = plan_for(eases_with=["sitting", "bending_forward"], worse_with=["standing"], minutes=20)
    prefs = [preference(LIB[i.exercise], "flexion") for i in plan.items]
    assert prefs.count(1) >= 2 and prefs.count(-1) == 0


def test_warm_up_first_cool_down_last_and_positions_grouped() -> None:
    for weeks in (2, 26):  # an acute episode opens with a walk, a chronic one with a warm-up
        plan = plan_for(minutes=30, pain_weeks=weeks)
        kinds = [LIB[i.exercise].kind for i in plan.items]
        assert kinds[0] == ("aerobic" if weeks < 6 else "warm_up") and kinds[-1] == "relaxation"
        main = plan.items[1:-1]
        warm = [i for i in main if LIB[i.exercise].kind == "warm_up"]
        ranks = [POSITION_RANK[i.position] for i in main[len(warm) :]]
        assert ranks == sorted(ranks)


def test_a_strength_move_when_time_allows() -> None:
    for minutes in (8, 15, 40):
        plan = plan_for(minutes=minutes)
        assert any(LIB[i.exercise].kind == "strength" for i in plan.items), minutes


def test_gentle_mode_shortens_holds_and_removes_end_range() -> None:
    calm = plan_for(pain_now=3, minutes=15)
    sore = plan_for(pain_now=8, minutes=15)
    assert sore.gentle and not calm.gentle
    assert any("Gentle mode" in a for a in render_plan(sore).advice)
    assert all(not LIB[i.exercise].end_range for i in sore.items)
    ex = LIB["knee_to_chest_single"]
    assert hold(base_dose(ex, gentle=True)) < hold(base_dose(ex))
    assert base_dose(ex, gentle=True).reps < base_dose(ex).reps


def test_older_adults_hold_stretches_longer() -> None:
    ex = LIB["chair_hamstring_stretch"]  # 20 s by default
    assert base_dose(ex, age=70).hold_s == 30
    assert base_dose(ex, age=70, hold_step=6).hold_s == 45  # its safe maximum
    assert base_dose(ex, age=40, hold_step=6).hold_s == 30  # ACSM's 30 s for most adults


def test_ladders_stay_in_the_safe_range() -> None:
    for ex in LIB.values():
        for gentle in (False, True):
            base = base_dose(ex, gentle=gentle)
            steps = ladder(ex, base, gentle=gentle)
            assert base in steps
            seconds = [d.seconds(ex.sided) for d in steps]
            assert seconds == sorted(seconds)
            for d in steps:
                if d.hold_s is not None:
                    low, high = safe_range(ex)
                    assert low <= d.hold_s <= high


def test_same_seed_and_day_same_plan_and_days_rotate() -> None:
    profile = Profile(minutes=15)
    one = make_plan(profile, LIB, day=DAY)
    assert make_plan(profile, LIB, day=DAY) == one
    week = {
        tuple(i.exercise for i in make_plan(profile, LIB, day=DAY + timedelta(days=d)).items)
        for d in range(7)
    }
    assert len(week) >= 3


def test_adjustments_replace_and_leave_out() -> None:
    base = plan_for(minutes=20, eases_with=["bending_forward"], seed=3)
    ids = [i.exercise for i in base.items]
    target = next(i for i in ids if LIB[i].regressions or LIB[i].progressions)
    variant = (LIB[target].regressions or LIB[target].progressions)[0]
    adj = Adjustments(replace={target: variant}, leave_out={ids[0]: "it hurt twice"})
    plan = plan_for(minutes=20, eases_with=["bending_forward"], seed=3, adjustments=adj)
    got = {i.exercise for i in plan.items}
    rules = {e.exercise: e.rule for e in plan.excluded}
    assert target not in got and "variant_swap" in rules[target]
    assert ids[0] not in got and "it hurt twice" in rules[ids[0]]


def test_a_replacement_that_breaks_a_rule_is_left_out_with_the_reason() -> None:
    adj = Adjustments(replace={"chair_cat_cow": "cat_cow"})
    plan = plan_for(conditions=["wrist_problem"], adjustments=adj, minutes=20)
    rules = {e.exercise: e.rule for e in plan.excluded}
    assert "Its replacement cat_cow" in rules["chair_cat_cow"]
    assert "wrist_problem_no_weight_on_hands" in rules["chair_cat_cow"]
    assert not {"cat_cow", "chair_cat_cow"} & {i.exercise for i in plan.items}


def test_soon_referral_keeps_the_routine_with_the_advice() -> None:
    plan = plan_for(age=60, pain_weeks=1)
    assert plan.status == "refer" and plan.referral is not None
    assert plan.referral.urgency == "soon" and plan.items


def test_surgery_gives_no_routine() -> None:
    plan = plan_for(conditions=["recent_spinal_surgery"])
    assert plan.status == "refer" and plan.items == [] and plan.excluded == []


def test_no_floor_means_standing_and_chair_only() -> None:
    plan = plan_for(can_get_to_floor=False, minutes=25)
    assert {i.position for i in plan.items} <= {"standing", "seated_chair"}


def test_severe_pain_flag_refers_soon_in_gentle_mode() -> None:
    plan = plan_for(red_flags=["severe_pain_not_easing_for_days"], pain_now=5)
    assert plan.status == "refer" and plan.referral is not None
    assert plan.referral.urgency == "soon" and plan.gentle and plan.items
