"""Issue 10 in the planner: ACSM caps, gentle sessions, neck rules, stand-ins, age and hips."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from supple.library import load_library
from supple.planner import make_plan
from supple.planner.bias import directional_bias, preference
from supple.planner.dose import base_dose, ladder
from supple.planner.model import Plan
from supple.presentation import render_plan
from supple.safety import Profile

LIB = load_library()
DAY = date(2026, 3, 2)


def plan_for(clinician_assigned: bool = False, **answers: Any) -> Plan:
    plan = make_plan(
        Profile(**answers), LIB, seed=1, day=DAY, clinician_assigned=clinician_assigned
    )
    return render_plan(plan)  # the words too: several tests read the advice


def test_an_82_year_old_never_gets_an_inflated_lunge() -> None:
    lunge = LIB["standing_hip_flexor_lunge"]
    base = base_dose(lunge, age=82)
    for dose in ladder(lunge, base, older=True):
        assert dose.hold_s is not None
        assert dose.reps * dose.sets <= 4 and dose.hold_s * dose.reps * dose.sets <= 120
    for minutes in (20, 45, 60):
        plan = plan_for(age=82, minutes=minutes, pain_areas=["hip", "lower_back"])
        for item in plan.items:
            if item.exercise == "standing_hip_flexor_lunge":
                assert item.hold_s is not None
                assert item.reps * item.sets <= 4 and item.hold_s * item.reps <= 120


@pytest.mark.parametrize(("asked", "aimed"), [(40, 15), (12, 12), (5, 5)])
def test_gentle_mode_gives_short_sessions(asked: int, aimed: int) -> None:
    plan = plan_for(pain_now=8, minutes=asked)
    assert plan.gentle and plan.items
    assert abs(plan.total_seconds - aimed * 60) <= 0.10 * aimed * 60
    assert any("several times through the day" in a for a in plan.advice)
    if aimed < asked:
        assert any("Gentle mode keeps today's session" in a for a in plan.advice)
    assert all(i.sets == 1 for i in plan.items)


def test_directional_preference_is_for_the_lower_back_and_leg_only() -> None:
    eases = {"eases_with": ["walking", "standing"], "worse_with": ["sitting"]}
    assert directional_bias(Profile(pain_areas=["neck"], **eases))[0] == "neutral"
    assert directional_bias(Profile(pain_areas=["upper_back", "neck"], **eases))[0] == "neutral"
    assert directional_bias(Profile(pain_areas=["neck", "lower_back"], **eases))[0] == "extension"
    assert directional_bias(Profile(pain_areas=["buttock_or_leg"], **eases))[0] == "extension"


def test_gentle_flexion_counts_as_flexion_for_the_direction() -> None:
    assert preference(LIB["pelvic_tilt"], "flexion") == 1
    assert preference(LIB["knee_to_chest_single"], "extension") == -1


def test_neck_pain_leaves_out_lying_face_down() -> None:
    plan = plan_for(pain_areas=["neck", "lower_back"], minutes=30, eases_with=["walking"])
    assert all(i.position != "prone" for i in plan.items)
    ruled = {e.exercise: e.rule for e in plan.excluded}
    assert "neck_pain_no_front_lying" in ruled["sphinx"]


def test_pregnancy_gets_stand_ins_instead_of_moves_on_the_back() -> None:
    plan = plan_for(conditions=["pregnancy"], pregnancy_weeks=24, minutes=20)
    assert plan.items
    assert all(i.position not in ("supine", "prone") for i in plan.items)
    ruled = {e.exercise: e.rule for e in plan.excluded}
    assert "stand-in is side_lying_rest" in ruled["breathing_crook_lying"]
    stand_ins = [i for i in plan.items if "In place of" in i.why]
    assert stand_ins, [i.exercise for i in plan.items]
    assert any("maternity unit" in a for a in plan.advice)
    assert any("Pelvic-floor" in a for a in plan.advice)


def test_under_16_needs_a_routine_a_clinician_assigned() -> None:
    alone = plan_for(age=14, pain_weeks=10)
    assert alone.status == "refer" and alone.items == []
    assert alone.referral is not None and alone.referral.urgency == "soon"
    assigned = plan_for(age=14, pain_weeks=10, clinician_assigned=True)
    assert assigned.status == "refer" and assigned.items


def test_osteoporosis_keeps_gentle_supported_flexion() -> None:
    plan = plan_for(conditions=["osteoporosis"], minutes=30)
    ruled = {e.exercise for e in plan.excluded}
    assert {"pelvic_tilt", "knee_to_chest_single", "wall_pelvic_tilt"}.isdisjoint(ruled)
    assert {"knee_drop", "lying_leg_rotations", "cat_cow"} <= ruled


@pytest.mark.parametrize(
    ("approach", "weeks", "out", "kept"),
    [
        ("posterior", 4, {"knee_drop", "figure_four_stretch"}, {"standing_hip_flexor_lunge"}),
        ("anterior", 4, {"standing_hip_flexor_lunge"}, {"knee_drop", "figure_four_stretch"}),
        ("unknown", None, {"knee_drop", "standing_hip_flexor_lunge"}, set()),
        ("posterior", 20, set(), {"knee_drop", "standing_hip_flexor_lunge"}),
    ],
)
def test_hip_replacement_by_approach_and_weeks(
    approach: str, weeks: int | None, out: set[str], kept: set[str]
) -> None:
    plan = plan_for(
        conditions=["hip_replacement"],
        hip_replacement_approach=approach,
        hip_replacement_weeks=weeks,
        minutes=20,
    )
    ruled = {e.exercise for e in plan.excluded}
    assert out <= ruled and not kept & ruled
    assert "sit_to_stand" not in ruled
    assert any("hip" in a for a in plan.advice)


def test_balance_moves_only_with_something_to_hold() -> None:
    without = plan_for(conditions=["balance_problem"], equipment=["mat"], minutes=20)
    ruled = {e.exercise: e.rule for e in without.excluded}
    assert "balance_problem_needs_support" in ruled["march_on_the_spot"]
    with_chair = plan_for(conditions=["balance_problem"], equipment=["mat", "chair"], minutes=20)
    assert "march_on_the_spot" not in {e.exercise for e in with_chair.excluded}
    assert any("hold it" in a for a in with_chair.advice)


def test_leg_pain_below_the_knee_leaves_out_nerve_stretches() -> None:
    plan = plan_for(pain_areas=["buttock_or_leg"], leg_pain_below_knee=True, minutes=20)
    ruled = {e.exercise for e in plan.excluded}
    assert {"chair_hamstring_stretch", "lying_hamstring_stretch_strap"} <= ruled
    assert any("let the ankle relax" in a for a in plan.advice)
