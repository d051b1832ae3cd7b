"""Forward kinematics keeps the body's proportions whatever the angles; easing ends on its keys."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from supple.figures.body import FOREARM, SHANK, THIGH, UPPER_ARM, forward
from supple.figures.camera import Projection
from supple.figures.model import BallJoint, Pose, Root, SpineJoint
from supple.figures.scene import lerp_pose

angle = st.floats(min_value=-180, max_value=180, allow_nan=False)
ball = st.builds(BallJoint, flex=angle, abd=angle, rot=angle)
spine = st.builds(SpineJoint, flex=angle, bend=angle, twist=angle)
poses = st.builds(
    Pose,
    root=st.builds(Root, pitch=angle, yaw=angle, roll=angle, tilt=angle),
    lumbar=spine,
    thoracic=spine,
    shoulder_r=ball,
    hip_l=ball,
    elbow_r=angle,
    knee_l=angle,
)


@settings(max_examples=60, deadline=None)
@given(poses)
def test_segment_lengths_hold_for_any_angles(pose: Pose) -> None:
    p = forward(pose, 100.0)
    for a, b, length in (
        ("hip_l", "knee_l", THIGH),
        ("knee_l", "ankle_l", SHANK),
        ("shoulder_r", "elbow_r", UPPER_ARM),
        ("elbow_r", "wrist_r", FOREARM),
    ):
        assert math.isclose(math.dist(p[a], p[b]), length, rel_tol=1e-9)


def test_the_standing_figure_is_170_cm_tall() -> None:
    p = forward(Pose(), 0.0)
    top = p["head"][1] + 11
    bottom = min(p["heel_r"][1], p["toe_r"][1]) - 3.5
    assert 165 < top - bottom < 175


def test_signs_read_as_documented() -> None:
    bent = forward(Pose(hip_r=BallJoint(flex=90), knee_r=90), 0.0)
    # Hip flexion brings the thigh forward (+x); the bent knee sends the shank down.
    assert bent["knee_r"][0] > bent["hip_r"][0] + 30
    assert bent["ankle_r"][1] < bent["knee_r"][1] - 30
    lying = forward(Pose(root=Root(pitch=90)), 0.0)
    assert lying["head"][0] < lying["pelvis"][0] - 50  # on the back, head to the left
    assert Projection("side")(lying["head"])[0] == lying["head"][0]


@given(poses, poses)
@settings(max_examples=30, deadline=None)
def test_easing_starts_and_ends_on_the_keyframes(a: Pose, b: Pose) -> None:
    assert lerp_pose(a, b, 0.0) == a
    assert lerp_pose(a, b, 1.0) == b
