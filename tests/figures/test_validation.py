"""The checks catch what they are for: bent-back joints, floating or sunk bodies, bad files."""

from __future__ import annotations

from typing import Any, cast

import pytest

from supple.figures import figure_ids, load_figure
from supple.figures.loader import FigureError, parse_figure
from supple.figures.model import Figure
from supple.figures.validate import figure_errors
from supple.library import load_library

LYING = """
props: [mat]
keyframes:
- label: lying with knees bent
  contacts: {floor: [head, back, feet]}
  pose: {base: crook_lying}
"""


def _figure(text: str) -> Figure:
    return parse_figure(text, "test_move")


def test_every_library_exercise_has_a_figure() -> None:
    assert sorted(load_library()) == figure_ids()


def test_a_good_pose_passes() -> None:
    assert figure_errors(_figure(LYING), "supine", flowing_or_sided=False) == []


def test_a_knee_bent_backwards_is_caught() -> None:
    text = LYING.replace("pose: {base: crook_lying}", "pose: {base: crook_lying, knee_r: -20}")
    errors = figure_errors(_figure(text), "supine", flowing_or_sided=False)
    assert any("knee_r -20°" in e for e in errors)


def test_an_elbow_bent_backwards_is_caught() -> None:
    text = LYING.replace("pose: {base: crook_lying}", "pose: {base: crook_lying, elbow_l: -12}")
    errors = figure_errors(_figure(text), "supine", flowing_or_sided=False)
    assert any("elbow_l -12°" in e for e in errors)


def test_a_floating_contact_is_caught() -> None:
    # Feet lifted off the floor while the keyframe says they rest on it.
    text = LYING.replace(
        "pose: {base: crook_lying}", "pose: {base: crook_lying, hip_r: {flex: 90}}"
    )
    errors = figure_errors(_figure(text), "supine", flowing_or_sided=False)
    assert any("heel_r floats" in e for e in errors)


def test_a_body_pushed_into_the_floor_is_caught() -> None:
    text = LYING.replace("pose: {base: crook_lying}", "pose: {base: crook_lying, root: {y: 2}}")
    errors = figure_errors(_figure(text), "supine", flowing_or_sided=False)
    assert any("sinks" in e for e in errors)


def test_a_position_needs_its_support() -> None:
    # Lying on the back, but only the feet are said to touch the floor.
    text = LYING.replace("[head, back, feet]", "[feet]")
    errors = figure_errors(_figure(text), "supine", flowing_or_sided=False)
    assert any("needs the back on the floor" in e for e in errors)


def test_sitting_on_a_chair_needs_the_chair() -> None:
    text = """
keyframes:
- label: seated
  contacts: {seat: [seat], floor: [feet]}
  pose: {base: seated_chair}
"""
    errors = figure_errors(_figure(text), "seated_chair", flowing_or_sided=False)
    assert any("seat:hip_r floats inf" in e for e in errors)


def test_a_sided_move_needs_two_keyframes() -> None:
    errors = figure_errors(_figure(LYING), "supine", flowing_or_sided=True)
    assert "a flowing or sided move needs at least two keyframes" in errors


def test_unknown_base_and_contact_are_reported() -> None:
    with pytest.raises(FigureError, match="unknown base pose 'floating'"):
        _figure(LYING.replace("base: crook_lying", "base: floating"))
    errors = figure_errors(
        _figure(LYING.replace("[head, back, feet]", "[elbowz]")), "supine", flowing_or_sided=False
    )
    assert errors == ["keyframe 'lying with knees bent': unknown contact point 'elbowz'"]


def test_a_misspelt_joint_is_refused() -> None:
    with pytest.raises(FigureError, match="test_move"):
        _figure(LYING.replace("pose: {base: crook_lying}", "pose: {base: crook_lying, kne_r: 5}"))


def test_figures_are_cached_and_frozen() -> None:
    figure = load_figure("cat_cow")
    assert load_figure("cat_cow") is figure
    with pytest.raises(ValueError):
        cast(Any, figure.keyframes[0].pose.lumbar).flex = 0


def test_a_strap_must_end_on_the_body() -> None:
    text = LYING.replace(
        "props: [mat]", "props: [mat, {kind: towel_or_strap, ends: [tip_r, sole]}]"
    )
    errors = figure_errors(_figure(text), "supine", flowing_or_sided=False)
    assert errors == ["the strap ends at an unknown point 'sole'"]


def test_a_trace_must_follow_a_body_point() -> None:
    text = "trace: [knee_r, kneecap]\n" + LYING
    errors = figure_errors(_figure(text), "supine", flowing_or_sided=False)
    assert errors == ["the trace names an unknown point 'kneecap'"]


def test_a_grip_must_hold_a_body_point_within_reach() -> None:
    unknown = LYING.replace(
        "  pose: {base: crook_lying}", "  grip: {hand_r: elbowz}\n  pose: {base: crook_lying}"
    )
    errors = figure_errors(_figure(unknown), "supine", flowing_or_sided=False)
    assert errors == ["keyframe 'lying with knees bent': hand_r grips an unknown point 'elbowz'"]
    far = LYING.replace(
        "  pose: {base: crook_lying}", "  grip: {hand_r: toe_l}\n  pose: {base: crook_lying}"
    )
    errors = figure_errors(_figure(far), "supine", flowing_or_sided=False)
    assert len(errors) == 1 and "hand_r falls" in errors[0] and "short of toe_l" in errors[0]
    near = LYING.replace(
        "  pose: {base: crook_lying}", "  grip: {hand_r: thigh_r}\n  pose: {base: crook_lying}"
    )
    assert figure_errors(_figure(near), "supine", flowing_or_sided=False) == []


def test_new_fields_are_optional_and_checked() -> None:
    figure = _figure(LYING)
    assert figure.view == "side" and figure.second_view is None and figure.still.show == 0
    assert figure.keyframes[0].grip == {} and figure.keyframes[0].pose.breath == 0
    with pytest.raises(FigureError):
        _figure("view: from_the_moon\n" + LYING)
    with pytest.raises(FigureError):
        _figure(LYING.replace("base: crook_lying}", "base: crook_lying, breath: 2}"))


OVER_A_TOWEL = """
props: [mat, {kind: towel_or_strap, shape: roll, at: upper_back}]
keyframes:
- label: lying over a rolled towel
  contacts: {floor: [pelvis, feet], towel: [upper_back]}
  pose:
    base: crook_lying
    root: {pitch: 82}
    lumbar: {flex: 6.9}
    thoracic: {flex: -10.4}
    hip_r: {flex: 48.9}
    hip_l: {flex: 48.9}
"""


def test_a_rolled_towel_carries_what_rests_on_it() -> None:
    assert figure_errors(_figure(OVER_A_TOWEL), "supine", flowing_or_sided=False) == []
    # Without the towel the upper back has nothing under it.
    bare = OVER_A_TOWEL.replace(", {kind: towel_or_strap, shape: roll, at: upper_back}", "")
    errors = figure_errors(_figure(bare), "supine", flowing_or_sided=False)
    assert any("towel:upper_back floats inf" in e for e in errors)
