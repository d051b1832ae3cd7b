"""The entries added for a back-care programme (issue 11): findable, honestly loaded, sourced."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from supple.library.loader import DATA, load_dir
from supple.library.model import Exercise

ROOT = Path(__file__).resolve().parents[2]
LIB = load_dir(ROOT / "src" / DATA.replace(".", "/") / "exercises")
DOCS = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")

#: The names the issue uses for the moves it asks for, and the entry each must find.
ISSUE_NAMES: list[tuple[str, str]] = [
    ("chin tuck", "chin_tuck_seated"),
    ("chin tuck lying down", "chin_tuck_lying"),
    ("upper-back extension over a chair", "chair_upper_back_extension"),
    ("upper-back extension on a rolled towel", "towel_roll_upper_back_extension"),
    ("thread the needle", "thread_the_needle"),
    ("sciatic nerve slider, seated", "sciatic_nerve_slider"),
    ("femoral nerve slider, side-lying", "femoral_nerve_slider"),
    ("pelvic floor exercise", "pelvic_floor_seated"),
    ("pelvic floor exercises lying", "pelvic_floor_lying"),
    ("back extensor strengthening", "prone_back_extension"),
    ("seated back extension against a band", "seated_back_extension_band"),
    ("seated back extension", "seated_back_extension"),
    ("side plank from the knees", "side_plank_knees"),
    ("hip hinge with a stick", "hip_hinge_stick"),
    ("wall squat", "wall_squat"),
    ("supported mini squat", "supported_mini_squat"),
    ("heel raises with support", "heel_raise_supported"),
    ("single-leg stance by a chair", "single_leg_stance"),
    ("marching bridge", "marching_bridge"),
    ("single-leg bridge", "single_leg_bridge"),
    ("bird dog legs only", "bird_dog_leg_reach"),
    ("toe taps", "dead_bug_toe_taps"),
    ("step-ups on a low step", "step_up"),
    ("walking", "walking"),
    ("body scan", "body_scan"),
    ("standing hip abduction", "standing_hip_abduction"),
    ("standing hip extension", "standing_hip_extension"),
    ("side-lying pelvic tilt", "side_lying_pelvic_tilt"),
    ("knee squeeze", "seated_cushion_squeeze"),
    ("heel slides", "heel_slides"),
    ("band pull-apart", "band_pull_apart"),
]
NEW = [exercise_id for _, exercise_id in ISSUE_NAMES]

#: What the body does in each new move, in the shared load vocabulary (at least these).
LOADS: list[tuple[str, set[str]]] = [
    ("chin_tuck_lying", {"supine_lying"}),
    ("chair_upper_back_extension", {"spinal_extension"}),
    ("towel_roll_upper_back_extension", {"spinal_extension", "supine_lying"}),
    ("thread_the_needle", {"spinal_rotation", "kneeling", "wrist_weight_bearing", "hand_support"}),
    ("sciatic_nerve_slider", {"neural_tension"}),
    ("femoral_nerve_slider", {"neural_tension", "deep_knee_flexion"}),
    ("prone_back_extension", {"spinal_extension", "prone_lying"}),
    ("seated_back_extension", {"hip_flexion_deep"}),
    ("seated_back_extension_band", {"hip_flexion_deep"}),
    ("heel_raise_supported", {"balance_challenge"}),
    ("single_leg_stance", {"single_leg_balance", "balance_challenge"}),
    ("step_up", {"single_leg_balance", "balance_challenge"}),
    ("standing_hip_abduction", {"single_leg_balance", "balance_challenge"}),
    ("standing_hip_extension", {"single_leg_balance", "balance_challenge"}),
    ("side_lying_pelvic_tilt", {"spinal_flexion_gentle"}),
    ("marching_bridge", {"supine_lying"}),
    ("dead_bug_toe_taps", {"supine_lying"}),
]

#: Loads a move must not carry: the gentle and supported variants exist to avoid them.
NOT_LOADS: list[tuple[str, set[str]]] = [
    ("side_lying_pelvic_tilt", {"supine_lying", "spinal_flexion"}),
    ("pelvic_floor_lying", {"supine_lying", "prone_lying"}),
    ("seated_cushion_squeeze", {"hip_adduction_across_midline", "single_leg_balance"}),
    ("standing_hip_abduction", {"hip_adduction_across_midline", "hip_internal_rotation"}),
    ("heel_slides", {"hip_flexion_deep"}),
    ("supported_mini_squat", {"deep_knee_flexion", "hip_flexion_deep"}),
    ("wall_squat", {"deep_knee_flexion"}),
    ("hip_hinge_stick", {"spinal_flexion"}),
    ("body_scan", {"supine_lying", "prone_lying"}),
]

#: Easier -> harder ladders the new moves join.
CHAINS: list[list[str]] = [
    ["chin_tuck_lying", "chin_tuck_seated"],
    ["chair_upper_back_extension", "towel_roll_upper_back_extension"],
    ["chair_twist", "thread_the_needle"],
    ["pelvic_floor_lying", "pelvic_floor_seated"],
    ["prone_lying_rest", "prone_back_extension"],
    ["seated_back_extension", "seated_back_extension_band"],
    ["seated_back_extension", "hip_hinge_stick"],
    ["clamshell", "side_plank_knees"],
    ["supported_mini_squat", "wall_squat"],
    ["supported_mini_squat", "sit_to_stand", "step_up"],
    ["heel_raise_supported", "single_leg_stance"],
    ["side_lying_pelvic_tilt", "bridge", "marching_bridge"],
    ["bridge", "single_leg_bridge"],
    ["bird_dog_leg_reach", "bird_dog"],
    ["pelvic_tilt", "dead_bug_toe_taps", "dead_bug"],
    ["shoulder_blade_squeeze", "band_pull_apart"],
]

#: Where a dose comes from a guideline or a trial, the entry names it.
SOURCED: list[tuple[str, str]] = [
    ("pelvic_floor_lying", "NICE NG123"),
    ("pelvic_floor_seated", "NICE NG123"),
    ("chin_tuck_lying", "Jull 2002"),
    ("chin_tuck_seated", "Jull 2002"),
    ("prone_back_extension", "Brooke-Wavell 2022"),
    ("seated_back_extension", "Brooke-Wavell 2022"),
    ("single_leg_stance", "Sherrington 2019"),
    ("heel_raise_supported", "WHO 2020"),
    ("walking", "Pocovi 2024"),
    ("body_scan", "Qaseem 2017"),
    ("towel_roll_upper_back_extension", "ACSM"),
    ("supported_mini_squat", "ACSM"),
]


def ids(entries: list[Exercise]) -> list[str]:
    return [ex.id for ex in entries]


def test_the_library_has_at_least_eighty_entries() -> None:
    assert len(LIB) >= 80


@pytest.mark.parametrize(("name", "expected"), ISSUE_NAMES, ids=[n for n, _ in ISSUE_NAMES])
def test_every_move_the_issue_asks_for_is_found_by_its_name(name: str, expected: str) -> None:
    found = LIB.find(name)
    assert found is not None, f"nothing answers to '{name}'"
    assert found.id == expected


@pytest.mark.parametrize(("exercise_id", "loads"), LOADS, ids=[i for i, _ in LOADS])
def test_new_moves_carry_the_loads_they_put_on_the_body(exercise_id: str, loads: set[str]) -> None:
    missing = loads - set(LIB[exercise_id].loads)
    assert not missing, f"{exercise_id} should carry {sorted(missing)}"


@pytest.mark.parametrize(("exercise_id", "loads"), NOT_LOADS, ids=[i for i, _ in NOT_LOADS])
def test_gentle_variants_avoid_the_loads_they_exist_to_avoid(
    exercise_id: str, loads: set[str]
) -> None:
    assert not loads & set(LIB[exercise_id].loads)


@pytest.mark.parametrize("exercise_id", NEW)
def test_new_moves_never_go_to_the_end_of_a_range(exercise_id: str) -> None:
    assert LIB[exercise_id].end_range == []


@pytest.mark.parametrize("chain", CHAINS, ids=["→".join(c) for c in CHAINS])
def test_new_moves_join_the_variant_ladders(chain: list[str]) -> None:
    for easier, harder in pairwise(chain):
        assert harder in LIB[easier].progressions or easier in LIB[harder].regressions
        assert LIB[easier].level < LIB[harder].level


@pytest.mark.parametrize(("exercise_id", "citation"), SOURCED, ids=[i for i, _ in SOURCED])
def test_doses_from_a_guideline_name_their_source(exercise_id: str, citation: str) -> None:
    sources = " ".join(LIB[exercise_id].sources)
    assert citation in sources, sources


SOURCED_ENTRIES = [ex for ex in LIB.values() if ex.sources]


@pytest.mark.parametrize("exercise", SOURCED_ENTRIES, ids=ids(SOURCED_ENTRIES))
def test_every_source_is_a_short_citation_listed_in_the_docs(exercise: Exercise) -> None:
    for source in exercise.sources:
        assert re.search(r"\b(19|20)\d\d\b|\bACSM\b|\bNHS\b", source), source
        assert 15 <= len(source) <= 200, source
    # docs/library.md says, entry by entry, where the doses of the new moves come from.
    assert f"`{exercise.id}`" in DOCS


BALANCE = [ex for ex in LIB.values() if "balance_challenge" in ex.loads]


@pytest.mark.parametrize("exercise", BALANCE, ids=ids(BALANCE))
def test_balance_moves_have_something_to_hold_and_say_to_hold_it(exercise: Exercise) -> None:
    assert exercise.position == "standing"
    if "single_leg_balance" in exercise.loads:  # on one leg: the support is part of the move
        assert {"chair", "wall", "step"} & set(exercise.equipment)
    steps = " ".join(exercise.steps).lower()
    assert "hold" in steps or "hand" in steps
    stops = " ".join(exercise.stop_if).lower()
    assert "unsteady" in stops or "dizzy" in stops


SLIDERS = [ex for ex in LIB.values() if "nerve_slider" in ex.id]


@pytest.mark.parametrize("exercise", SLIDERS, ids=ids(SLIDERS))
def test_nerve_sliders_glide_and_stop_when_symptoms_travel(exercise: Exercise) -> None:
    # A slider moves the nerve without holding it on stretch (Coppieters & Butler 2008).
    assert exercise.dose.flowing and exercise.sided
    assert "neural_tension" in exercise.loads
    assert any("further down the leg" in line for line in exercise.stop_if)
    assert exercise.kind == "mobility"


def test_pregnancy_keeps_pelvic_floor_work_and_a_side_lying_trunk_move() -> None:
    # Pregnancy: side-lying and supported positions and pelvic-floor work (ACOG 804; NICE NG210).
    def allowed(ex: Exercise) -> bool:
        lying = {"supine_lying", "prone_lying", "head_below_hips", "single_leg_balance"}
        return ex.avoid is None and not lying & set(ex.loads)

    pelvic_floor = [ex for ex in LIB.values() if ex.id.startswith("pelvic_floor") and allowed(ex)]
    side_lying = [
        ex
        for ex in LIB.values()
        if ex.position == "side_lying" and ex.kind == "strength" and allowed(ex)
    ]
    assert {ex.position for ex in pelvic_floor} >= {"side_lying", "seated_chair"}
    assert "side_lying_pelvic_tilt" in ids(side_lying)


def test_walking_is_a_timed_paced_move_of_its_own_kind() -> None:
    walk = LIB["walking"]
    assert walk.kind == "aerobic" and walk.dose.flowing
    assert walk.dose.duration_s is not None and walk.dose.duration_s >= 300
    assert not walk.equipment and walk.position == "standing"


def test_the_relaxation_track_runs_three_to_five_minutes() -> None:
    scan = LIB["body_scan"]
    assert scan.kind == "relaxation" and scan.dose.flowing
    assert scan.dose.duration_s is not None and 180 <= scan.dose.duration_s <= 300
    # Paced breathing: a longer breath out than in.
    assert (scan.dose.breath_out_s or 0) > (scan.dose.breath_in_s or 0)
