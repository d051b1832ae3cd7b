"""Hands and feet stay planted through every move: two-bone IK pins what holds, a step lifts."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.figures import figure_ids, load_figure
from supple.figures.body import RADIUS, SHANK, THIGH, forward
from supple.figures.ik import two_bone
from supple.figures.motion import drawn_keyframes, move_sample
from supple.figures.plant import plant
from supple.figures.scene import lerp_pose, place

IDS = figure_ids()
#: A contact may move at most this far (cm) while it is in contact.
PINNED = 1.0
#: How finely each move is checked: more positions than the animation draws.
CHECKS = 12


def _move(exercise_id: str, m: int) -> list[dict[str, tuple[float, float, float]]]:
    figure = load_figure(exercise_id)
    planting, drawn = drawn_keyframes(figure)
    j = (m + 1) % len(figure.keyframes)
    inner = [move_sample(figure, planting, drawn, m, k / CHECKS) for k in range(1, CHECKS)]
    return [drawn[m].points, *inner, drawn[j].points]


@pytest.mark.parametrize("exercise_id", IDS)
def test_contacts_stay_pinned_through_every_move(exercise_id: str) -> None:
    figure = load_figure(exercise_id)
    planting = plant(figure)
    for m, held in enumerate(planting.held):
        positions = _move(exercise_id, m)
        for name in held:
            start = positions[0][name]
            moved = max(math.dist(start, p[name]) for p in positions)
            assert moved <= PINNED, f"move {m}: {name} slides {moved:.1f} cm"


def test_planting_finds_what_holds() -> None:
    # The check above is only worth something if contacts are found to hold.
    assert {"heel_r", "toe_r", "heel_l", "toe_l"} <= set(plant(load_figure("bridge")).held[0])
    assert {"heel_r", "heel_l"} <= set(plant(load_figure("knee_drop")).held[0])
    assert {"wrist_r", "knee_r"} <= set(plant(load_figure("cat_cow")).held[0])
    held = sum(len(h) for i in IDS for h in plant(load_figure(i)).held)
    assert held > 300


def test_without_pinning_the_feet_would_slide() -> None:
    # Plain easing of the joint angles (what the animation did before): the bridge's feet slide.
    figure = load_figure("bridge")
    a, b = figure.keyframes
    ya, yb = place(a, figure.props), place(b, figure.props)
    start = forward(a.pose, ya)["heel_r"]
    slid = max(
        math.dist(
            start, forward(lerp_pose(a.pose, b.pose, s / 10), ya + (yb - ya) * s / 10)["heel_r"]
        )
        for s in range(11)
    )
    assert slid > 3 * PINNED
    planted = _move("bridge", 0)
    assert max(math.dist(planted[0]["heel_r"], p["heel_r"]) for p in planted) <= PINNED


def test_a_stepping_foot_lifts_off_the_floor() -> None:
    # The lunge's back foot is listed on the floor at both ends but far apart: it steps.
    figure = load_figure("standing_hip_flexor_lunge")
    planting = plant(figure)
    assert "toe_r" in planting.stepped[0]
    middle = _move("standing_hip_flexor_lunge", 0)[CHECKS // 2]
    assert middle["toe_r"][1] - RADIUS["toe_r"] > 3.0


@settings(max_examples=80, deadline=None)
@given(
    st.tuples(*[st.floats(-30, 30)] * 3).filter(lambda v: sum(x * x for x in v) > 1.0),
    st.floats(0.3, 1.0),
    st.floats(-math.pi, math.pi),
)
def test_two_bone_reaches_any_target_in_reach(
    offset: tuple[float, float, float], reach: float, turn: float
) -> None:
    base = (0.0, 100.0, 0.0)
    size = math.sqrt(sum(v * v for v in offset))
    length = reach * (THIGH + SHANK) * 0.99
    target = tuple(b + v / size * length for b, v in zip(base, offset, strict=True))
    pole = (base[0] + 30 * math.cos(turn), base[1], base[2] + 30 * math.sin(turn))
    mid, end = two_bone(base, pole, target, THIGH, SHANK)  # type: ignore[arg-type]
    assert math.dist(end, target) < 1e-6
    assert math.isclose(math.dist(base, mid), THIGH, rel_tol=1e-6)
    assert math.isclose(math.dist(mid, end), SHANK, rel_tol=1e-6)


def test_two_bone_points_at_a_target_out_of_reach() -> None:
    base, target = (0.0, 100.0, 0.0), (0.0, 0.0, 0.0)
    mid, end = two_bone(base, (10.0, 60.0, 0.0), target, 30.0, 30.0)
    assert end == pytest.approx((0.0, 40.0, 0.0), abs=1e-4)
    assert mid[1] == pytest.approx(70.0, abs=1e-3)


def test_two_bone_bends_the_way_the_pole_says() -> None:
    base, target = (0.0, 100.0, 0.0), (0.0, 50.0, 0.0)
    forward_knee, _ = two_bone(base, (20.0, 75.0, 0.0), target, 30.0, 30.0)
    backward_knee, _ = two_bone(base, (-20.0, 75.0, 0.0), target, 30.0, 30.0)
    assert forward_knee[0] > 5 and backward_knee[0] < -5
