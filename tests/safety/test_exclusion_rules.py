"""One table test per exclusion rule: it removes the exercise it targets, and only when active."""

from __future__ import annotations

from typing import Any

import pytest

from supple.safety import Profile, all_rulings, exclusions, load_rules, rule_out
from supple.safety.profile import CONDITIONS, PAIN_AREAS
from tests.safety.safetykit import make_exercise

PLAIN: dict[str, Any] = {"age": 35, "pain_weeks": 1, "pain_now": 3}

# rule id -> (answers that switch it on, exercise fields it must catch)
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "osteoporosis_no_flexion": ({"conditions": ["osteoporosis"]}, {"loads": ["spinal_flexion"]}),
    "osteoporosis_no_end_range_twist": (
        {"conditions": ["osteoporosis"]},
        {"loads": ["spinal_rotation"], "end_range": ["spinal_rotation"]},
    ),
    "osteoporosis_no_leg_lever_twist": (
        {"conditions": ["osteoporosis"]},
        {"loads": ["spinal_rotation", "leg_lever_rotation"]},
    ),
    "hip_replacement_no_deep_flexion": (
        {"conditions": ["hip_replacement"]},
        {"loads": ["hip_flexion_deep"]},
    ),
    "hip_replacement_no_crossing": (
        {"conditions": ["hip_replacement"], "hip_replacement_approach": "posterior"},
        {"loads": ["hip_adduction_across_midline"]},
    ),
    "hip_replacement_no_inward_rotation": (
        {"conditions": ["hip_replacement"], "hip_replacement_weeks": 6},
        {"loads": ["hip_internal_rotation"]},
    ),
    "hip_replacement_no_extension_outward_rotation": (
        {"conditions": ["hip_replacement"], "hip_replacement_approach": "anterior"},
        {"loads": ["hip_extension_external_rotation"]},
    ),
    "pregnancy_no_front_lying": (
        {"conditions": ["pregnancy"], "pregnancy_weeks": 13},
        {"position": "prone", "loads": ["prone_lying"], "equipment": ["mat"]},
    ),
    "pregnancy_no_back_lying": (
        {"conditions": ["pregnancy"], "pregnancy_weeks": 17},
        {"position": "supine", "loads": ["supine_lying"], "equipment": ["mat"]},
    ),
    "pregnancy_no_head_below_hips": (
        {"conditions": ["pregnancy"], "pregnancy_weeks": 5},
        {"loads": ["head_below_hips"]},
    ),
    "pregnancy_no_single_leg_on_step": (
        {"conditions": ["pregnancy"], "pregnancy_weeks": 5},
        {"loads": ["single_leg_balance"], "equipment": ["step"]},
    ),
    "neural_tension_leg_pain_below_knee": (
        {"pain_areas": ["buttock_or_leg"], "leg_pain_below_knee": True},
        {"loads": ["neural_tension"]},
    ),
    "neural_tension_disc_problem": (
        {"conditions": ["disc_herniation"]},
        {"loads": ["neural_tension"]},
    ),
    "knee_problem_no_deep_knee_bend": (
        {"conditions": ["knee_problem"]},
        {"loads": ["deep_knee_flexion"]},
    ),
    "shoulder_problem_no_overhead_load": (
        {"conditions": ["shoulder_problem"]},
        {"loads": ["loaded_arms_overhead"]},
    ),
    "shoulder_problem_no_weight_on_hands": (
        {"conditions": ["shoulder_problem"]},
        {"loads": ["hand_support"]},
    ),
    "balance_problem_needs_support": (
        {"conditions": ["balance_problem"], "equipment": ["mat"]},
        {"loads": ["balance_challenge"]},
    ),
    "glaucoma_or_blood_pressure_no_head_down": (
        {"conditions": ["glaucoma_or_high_blood_pressure"]},
        {"loads": ["head_below_hips"]},
    ),
    "hypermobility_no_end_range": (
        {"conditions": ["hypermobility"]},
        {"loads": ["spinal_side_bend"], "end_range": ["spinal_side_bend"]},
    ),
    "neck_pain_no_front_lying": (
        {"pain_areas": ["neck"]},
        {"position": "prone", "loads": ["prone_lying"]},
    ),
    "stenosis_no_end_range_extension": (
        {"conditions": ["spinal_stenosis"]},
        {"loads": ["spinal_extension"], "end_range": ["spinal_extension"]},
    ),
    "spondylolisthesis_no_end_range_extension": (
        {"conditions": ["spondylolisthesis"]},
        {"loads": ["spinal_extension"], "end_range": ["spinal_extension"]},
    ),
    "knee_problem_no_kneeling": (
        {"conditions": ["knee_problem"]},
        {"position": "kneeling", "loads": ["kneeling"], "equipment": ["mat"]},
    ),
    "cannot_kneel": (
        {"can_kneel": False},
        {"position": "all_fours", "loads": ["kneeling"], "equipment": ["mat"]},
    ),
    "wrist_problem_no_weight_on_hands": (
        {"conditions": ["wrist_problem"]},
        {"loads": ["hand_support"]},
    ),
    "balance_problem_no_single_leg": (
        {"conditions": ["balance_problem"]},
        {"loads": ["single_leg_balance"]},
    ),
    "no_floor": ({"can_get_to_floor": False}, {"position": "seated_floor"}),
    "cannot_lie_on_front": ({"can_lie_on_front": False}, {"position": "prone"}),
    "gentle_mode_no_end_range": (
        {"pain_now": 7},
        {"loads": ["spinal_side_bend"], "end_range": ["spinal_side_bend"]},
    ),
    "never_prescribed": ({}, {"avoid": "Bouncing down to the toes strains the lower back."}),
    "missing_equipment": ({"equipment": ["mat"]}, {"equipment": ["towel_or_strap"]}),
}


def test_every_exclusion_rule_has_a_case() -> None:
    assert {r.id for r in load_rules().exclusions} == set(CASES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_exclusion_rule_removes_its_target(rule_id: str) -> None:
    answers, fields = CASES[rule_id]
    exercise = make_exercise(**fields)
    profile = Profile(**{**PLAIN, **answers})
    rulings = all_rulings(exercise, profile)
    assert rule_id in {r.rule_id for r in rulings}
    first = rule_out(exercise, profile)
    assert first is not None and f"(rule {first.rule_id})" in first.text
    assert exclusions(profile, [exercise, make_exercise(id="plain_move")]).keys() == {"test_move"}


@pytest.mark.parametrize("rule_id", sorted(set(CASES) - {"never_prescribed"}))
def test_exclusion_rule_is_quiet_without_its_answer(rule_id: str) -> None:
    _, fields = CASES[rule_id]
    exercise = make_exercise(**fields)
    assert rule_id not in {r.rule_id for r in all_rulings(exercise, Profile(**PLAIN))}


def test_plain_move_passes_every_rule() -> None:
    everything = Profile(
        **{
            **PLAIN,
            "pain_now": 9,
            "pain_areas": list(PAIN_AREAS),
            "leg_pain_below_knee": True,
            "conditions": list(CONDITIONS),
            "can_get_to_floor": False,
            "can_kneel": False,
            "can_lie_on_front": False,
            "equipment": [],
        }
    )
    assert rule_out(make_exercise(), everything) is None


@pytest.mark.parametrize(("weeks", "out"), [(12, False), (13, True), (None, True)])
def test_pregnancy_front_lying_limit(weeks: int | None, out: bool) -> None:
    exercise = make_exercise(position="prone", loads=["prone_lying"])
    profile = Profile(**{**PLAIN, "conditions": ["pregnancy"], "pregnancy_weeks": weeks})
    ruled = {r.rule_id for r in all_rulings(exercise, profile)}
    assert ("pregnancy_no_front_lying" in ruled) is out


@pytest.mark.parametrize(("weeks", "out"), [(16, False), (17, True), (None, True)])
def test_pregnancy_back_lying_limit(weeks: int | None, out: bool) -> None:
    exercise = make_exercise(position="supine", loads=["supine_lying"])
    profile = Profile(**{**PLAIN, "conditions": ["pregnancy"], "pregnancy_weeks": weeks})
    ruled = {r.rule_id for r in all_rulings(exercise, profile)}
    assert ("pregnancy_no_back_lying" in ruled) is out


def test_gentle_mode_also_follows_a_severe_pain_flag() -> None:
    exercise = make_exercise(loads=["spinal_extension"], end_range=["spinal_extension"])
    profile = Profile(**{**PLAIN, "red_flags": ["severe_pain_not_easing_for_days"]})
    ruling = rule_out(exercise, profile)
    assert ruling is not None and ruling.rule_id == "gentle_mode_no_end_range"


def test_non_end_range_loads_pass_osteoporosis_twist_rule() -> None:
    exercise = make_exercise(loads=["spinal_rotation"])
    assert rule_out(exercise, Profile(**{**PLAIN, "conditions": ["osteoporosis"]})) is None


def test_missing_equipment_names_what_is_missing() -> None:
    exercise = make_exercise(equipment=["towel_or_strap", "mat"])
    ruling = rule_out(exercise, Profile(**{**PLAIN, "equipment": ["mat"]}))
    assert ruling is not None and "towel or strap" in ruling.sentence


HIP_LOADS = {
    "posterior": {"hip_flexion_deep", "hip_adduction_across_midline", "hip_internal_rotation"},
    "anterior": {"hip_extension_external_rotation"},
}


@pytest.mark.parametrize(
    ("approach", "weeks", "kept", "out"),
    [
        ("posterior", None, False, HIP_LOADS["posterior"]),
        ("anterior", 4, False, HIP_LOADS["anterior"]),
        ("unknown", 11.5, False, HIP_LOADS["posterior"] | HIP_LOADS["anterior"]),
        ("posterior", 12, False, set()),  # precautions end at 12 weeks
        ("unknown", 30, False, set()),
        ("anterior", 30, True, HIP_LOADS["anterior"]),  # the surgeon said to keep them
    ],
)
def test_hip_precautions_follow_the_approach_and_the_weeks(
    approach: str, weeks: float | None, kept: bool, out: set[str]
) -> None:
    profile = Profile(
        **{
            **PLAIN,
            "conditions": ["hip_replacement"],
            "hip_replacement_approach": approach,
            "hip_replacement_weeks": weeks,
            "hip_precautions_kept": kept,
        }
    )
    every = HIP_LOADS["posterior"] | HIP_LOADS["anterior"]
    ruled = {load for load in every if rule_out(make_exercise(loads=[load]), profile)}
    assert ruled == out


@pytest.mark.parametrize(
    ("equipment", "out"), [(["mat"], True), (["chair"], False), (["wall"], False)]
)
def test_balance_moves_need_something_to_hold(equipment: list[str], out: bool) -> None:
    exercise = make_exercise(loads=["balance_challenge"])
    profile = Profile(**{**PLAIN, "conditions": ["balance_problem"], "equipment": equipment})
    assert (rule_out(exercise, profile) is not None) is out


def test_gentle_flexion_passes_osteoporosis_but_end_range_flexion_does_not() -> None:
    profile = Profile(**{**PLAIN, "conditions": ["osteoporosis"]})
    assert rule_out(make_exercise(loads=["spinal_flexion_gentle"]), profile) is None
    assert rule_out(make_exercise(loads=["spinal_flexion"]), profile) is not None


def test_neck_pain_keeps_other_moves() -> None:
    profile = Profile(**{**PLAIN, "pain_areas": ["neck"]})
    assert rule_out(make_exercise(position="seated_chair", equipment=["chair"]), profile) is None
