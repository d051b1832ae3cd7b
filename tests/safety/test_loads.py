"""Loads that tell the truth: the library's tags match what the safety rules need to know."""

from __future__ import annotations

import pytest

from supple.library import load_library
from supple.safety import Profile, load_rules, rule_out

LIB = load_library()

#: Moves and the loads issue 10 asks them to carry (a physiotherapist's reading of each).
MUST_CARRY: list[tuple[str, set[str]]] = [
    # crossing the midline turns the trailing hip in
    ("knee_drop", {"hip_adduction_across_midline", "hip_internal_rotation", "leg_lever_rotation"}),
    (
        "lying_leg_rotations",
        {"hip_adduction_across_midline", "hip_internal_rotation", "leg_lever_rotation"},
    ),
    # the strap lets the hip pass 90 degrees; straight leg with the ankle pulled up
    ("lying_hamstring_stretch_strap", {"hip_flexion_deep", "neural_tension"}),
    ("standing_hamstring_stretch", {"neural_tension", "balance_challenge"}),
    ("chair_hamstring_stretch", {"neural_tension"}),
    ("downward_dog", {"neural_tension", "loaded_arms_overhead"}),
    ("cow_face_pose", {"deep_knee_flexion"}),
    ("seated_piriformis_stretch", {"deep_knee_flexion"}),
    ("childs_pose", {"deep_knee_flexion"}),
    ("childs_pose_wide_knee", {"deep_knee_flexion"}),
    ("seated_spinal_twist", {"hand_support"}),
    ("standing_hip_flexor_lunge", {"hip_extension_external_rotation", "balance_challenge"}),
    ("pigeon_pose", {"hip_extension_external_rotation"}),
    ("march_on_the_spot", {"balance_challenge"}),
    # gentle, supported flexion (Royal Osteoporosis Society: allowed)
    ("pelvic_tilt", {"spinal_flexion_gentle"}),
    ("knee_to_chest_single", {"spinal_flexion_gentle"}),
    ("wall_pelvic_tilt", {"spinal_flexion_gentle"}),
]


@pytest.mark.parametrize(("exercise_id", "loads"), MUST_CARRY, ids=[i for i, _ in MUST_CARRY])
def test_moves_carry_the_loads_the_rules_need(exercise_id: str, loads: set[str]) -> None:
    missing = loads - set(LIB[exercise_id].loads)
    assert not missing, f"{exercise_id} should carry {sorted(missing)}"


def test_gentle_flexion_is_not_also_full_flexion() -> None:
    for ex in LIB.values():
        assert not {"spinal_flexion", "spinal_flexion_gentle"} <= set(ex.loads), ex.id


def test_sit_to_stand_stays_for_a_new_hip_and_asks_for_a_good_chair() -> None:
    fresh_hip = Profile(conditions=["hip_replacement"], hip_replacement_weeks=3)
    assert rule_out(LIB["sit_to_stand"], fresh_hip) is None
    assert any("hips" in s and "knees" in s for s in LIB["sit_to_stand"].steps)


BALANCE = [ex for ex in LIB.values() if "balance_challenge" in ex.loads]


@pytest.mark.parametrize("exercise", BALANCE, ids=[ex.id for ex in BALANCE])
def test_balance_moves_say_hold_the_chair(exercise: object) -> None:
    steps = " ".join(exercise.steps).lower()  # type: ignore[attr-defined]
    assert "hold" in steps and ("chair" in steps or "wall" in steps)
    assert exercise.position == "standing"  # type: ignore[attr-defined]


STAND_INS = [(r.id, gone, sub) for r in load_rules().exclusions for gone, sub in r.instead.items()]


@pytest.mark.parametrize(("rule_id", "gone", "stand_in"), STAND_INS)
def test_every_stand_in_is_real_and_passes_its_own_rule(
    rule_id: str, gone: str, stand_in: str
) -> None:
    rule = load_rules().exclusion(rule_id)
    assert gone in LIB and stand_in in LIB
    # the rule removes the move and keeps its stand-in, which works on the same area
    assert set(rule.loads) & set(LIB[gone].loads) or LIB[gone].position in rule.positions
    assert not set(rule.loads) & set(LIB[stand_in].loads)
    assert LIB[stand_in].position not in rule.positions
    assert set(LIB[gone].regions) & set(LIB[stand_in].regions)
    assert LIB[stand_in].avoid is None


#: The library's moves done on the back when issue 10 was written; new ones may add stand-ins.
ON_THE_BACK = {
    "breathing_crook_lying",
    "bridge",
    "dead_bug",
    "figure_four_stretch",
    "horizontal_back_twist",
    "knee_drop",
    "knee_to_chest_double",
    "knee_to_chest_single",
    "lying_hamstring_stretch_strap",
    "lying_leg_rotations",
    "lying_piriformis_stretch",
    "pelvic_tilt",
    "spinal_rocks",
    "supine_pelvic_rotation",
}


def test_pregnancy_stand_ins_cover_the_moves_done_on_the_back() -> None:
    rule = load_rules().exclusion("pregnancy_no_back_lying")
    assert set(rule.instead) >= ON_THE_BACK
    assert all(LIB[i].position == "supine" for i in rule.instead)
