"""The authoring helper brings a keyframe back onto its contacts."""

from __future__ import annotations

from supple.figures import load_figure
from supple.figures.fit import fit
from supple.figures.validate import figure_errors


def test_fit_repairs_a_knee_lifted_off_the_floor() -> None:
    figure = load_figure("cat_cow")
    frame = figure.keyframes[0]
    hips = frame.pose.hip_r.flex
    bent = frame.pose.model_copy(
        update={
            "hip_r": frame.pose.hip_r.model_copy(update={"flex": hips + 20}),
            "hip_l": frame.pose.hip_l.model_copy(update={"flex": hips + 20}),
        }
    )
    broken = figure.model_copy(update={"keyframes": [frame.model_copy(update={"pose": bent})]})
    assert figure_errors(broken, "all_fours", flowing_or_sided=False)

    found = fit(broken, 0, ["hip.flex"])
    fixed_pose = bent.model_copy(
        update={
            "hip_r": bent.hip_r.model_copy(update={"flex": found["hip.flex"]}),
            "hip_l": bent.hip_l.model_copy(update={"flex": found["hip.flex"]}),
        }
    )
    fixed = broken.model_copy(update={"keyframes": [frame.model_copy(update={"pose": fixed_pose})]})
    assert figure_errors(fixed, "all_fours", flowing_or_sided=False) == []
    assert abs(found["hip.flex"] - hips) < 5
