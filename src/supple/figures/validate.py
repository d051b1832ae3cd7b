"""Check that a figure shows a body a person could copy: joints in range, resting on its support."""

from __future__ import annotations

from supple.figures.body import RADIUS, Vec, expand
from supple.figures.grip import LIMB_MIDDLES, grip, held_prop
from supple.figures.model import GRIP_PROPS, BallJoint, Figure, Keyframe, SpineJoint, Support
from supple.figures.motion import keyframe_points
from supple.figures.scene import gap

#: How far (cm) a contact may float above or sink into its surface.
TOLERANCE = 3.0
#: How far a knee or elbow may bend backwards before it is drawn as hurt.
HYPEREXTENSION = 5.0

#: Joint ranges in degrees, a little generous so that comfortable end ranges pass.
SPINE_LIMITS: dict[str, dict[str, tuple[float, float]]] = {
    "lumbar": {"flex": (-35, 60), "bend": (-35, 35), "twist": (-20, 20)},
    "thoracic": {"flex": (-30, 50), "bend": (-30, 30), "twist": (-45, 45)},
    "neck": {"flex": (-60, 60), "bend": (-45, 45), "twist": (-80, 80)},
    "head": {"flex": (-30, 35), "bend": (-20, 20), "twist": (-10, 10)},
}
BALL_LIMITS: dict[str, dict[str, tuple[float, float]]] = {
    "shoulder": {"flex": (-70, 185), "abd": (-30, 185), "rot": (-90, 100)},
    "hip": {"flex": (-35, 150), "abd": (-35, 70), "rot": (-50, 70)},
}
SCAPULA_LIMITS: dict[str, tuple[float, float]] = {"elev": (-2, 10), "retract": (-7, 7)}
HINGE_LIMITS: dict[str, tuple[float, float]] = {
    "elbow": (-HYPEREXTENSION, 155),
    "knee": (-HYPEREXTENSION, 160),
    "wrist": (-90, 90),
    "ankle": (-90, 35),
}

#: Each position needs at least one contact from every group listed for it.
REQUIRED: dict[Support, list[tuple[str, set[str]]]] = {
    "standing": [("a foot on the floor or step", {"heel_r", "toe_r", "heel_l", "toe_l"})],
    "seated_chair": [("the seat on the chair", {"hip_r", "hip_l"})],
    "seated_floor": [("the seat on the floor", {"hip_r", "hip_l", "pelvis"})],
    "kneeling": [("a knee on the floor", {"knee_r", "knee_l"})],
    "all_fours": [
        ("a hand or forearm on the floor", {"wrist_r", "tip_r", "wrist_l", "tip_l", "elbow_r"}),
        ("a knee or foot on the floor", {"knee_r", "knee_l", "toe_r", "toe_l"}),
    ],
    "supine": [("the back on the floor", {"pelvis", "chest", "waist", "sacrum", "upper_back"})],
    "prone": [("the front on the floor", {"pelvis", "chest", "waist", "belly", "sternum"})],
    "side_lying": [("the side on the floor", {"hip_r", "hip_l", "shoulder_r", "shoulder_l"})],
}


def _range_errors(name: str, value: float, lo: float, hi: float) -> list[str]:
    if lo <= value <= hi:
        return []
    return [f"{name} {value:g}° is outside {lo:g}..{hi:g}°"]


def joint_errors(frame: Keyframe) -> list[str]:
    """Joint angles outside human limits."""
    pose = frame.pose
    errors: list[str] = []
    for joint, limits in SPINE_LIMITS.items():
        value: SpineJoint = getattr(pose, joint)
        for axis, (lo, hi) in limits.items():
            errors += _range_errors(f"{joint}.{axis}", getattr(value, axis), lo, hi)
    for side in "rl":
        blade = getattr(pose, f"scapula_{side}")
        for axis, (lo, hi) in SCAPULA_LIMITS.items():
            errors += _range_errors(f"scapula_{side}.{axis}", getattr(blade, axis), lo, hi)
        for joint, limits in BALL_LIMITS.items():
            ball: BallJoint = getattr(pose, f"{joint}_{side}")
            for axis, (lo, hi) in limits.items():
                errors += _range_errors(f"{joint}_{side}.{axis}", getattr(ball, axis), lo, hi)
        for joint, (lo, hi) in HINGE_LIMITS.items():
            errors += _range_errors(f"{joint}_{side}", getattr(pose, f"{joint}_{side}"), lo, hi)
    return errors


def contact_gaps(
    figure: Figure, frame: Keyframe, points: dict[str, Vec] | None = None
) -> dict[str, float]:
    """Each listed contact's gap to its surface in cm, keyed ``surface:point``.

    ``points`` are the frame's body points when the caller already has them.
    """
    pts = keyframe_points(figure, frame) if points is None else points
    return {
        f"{surface}:{name}": gap(surface, pts[name], RADIUS[name], figure.props)
        for surface, names in frame.contacts.items()
        for name in expand(names)
    }


def frame_errors(figure: Figure, frame: Keyframe, position: Support) -> list[str]:
    """Everything wrong with one keyframe of ``figure``."""
    try:
        pts = keyframe_points(figure, frame)
        gaps = contact_gaps(figure, frame, pts)
    except KeyError as exc:
        return [f"keyframe '{frame.label}': unknown contact point {exc}"]
    errors = joint_errors(frame)
    for key, g in gaps.items():
        if abs(g) > TOLERANCE:
            state = "floats" if g > 0 else "sinks"
            errors.append(f"{key} {state} {abs(g):.1f} cm")
    support = frame.support or position
    touching = {key.split(":", 1)[1] for key in gaps}
    for what, points in REQUIRED[support]:
        if not touching & points:
            errors.append(f"a {support} position needs {what}")
    for name, p in pts.items():
        if p[1] - RADIUS[name] < -TOLERANCE:
            errors.append(f"{name} sinks {-(p[1] - RADIUS[name]):.1f} cm into the floor")
    return [f"keyframe '{frame.label}': {e}" for e in errors]


def _grip_errors(figure: Figure, frame: Keyframe) -> list[str]:
    """A grip on an unknown point, or one the arm cannot reach."""
    if not frame.grip:
        return []
    errors = []
    try:
        points = keyframe_points(figure, frame)
    except KeyError:  # an unknown contact, reported with the keyframe's own errors
        return []
    for gripper, held in frame.grip.items():
        if held in GRIP_PROPS and held_prop(held, figure.props) is None:
            errors.append(f"keyframe '{frame.label}': {gripper} holds a {held} the figure lacks")
            continue
        if held not in RADIUS and held not in LIMB_MIDDLES and held not in GRIP_PROPS:
            errors.append(f"keyframe '{frame.label}': {gripper} grips an unknown point '{held}'")
            continue
        short = grip(dict(points), gripper, held, figure.props)
        if short > TOLERANCE:
            errors.append(
                f"keyframe '{frame.label}': {gripper} falls {short:.1f} cm short of {held}"
            )
    return errors


def figure_errors(figure: Figure, position: Support, *, flowing_or_sided: bool) -> list[str]:
    """Every problem of ``figure`` for an exercise done in ``position``."""
    errors = [e for frame in figure.keyframes for e in frame_errors(figure, frame, position)]
    errors += [f"the trace names an unknown point '{n}'" for n in figure.trace if n not in RADIUS]
    for frame in figure.keyframes:
        errors += _grip_errors(figure, frame)
    for prop in figure.props:
        ends = prop.held_ends or ()
        what = {"towel_or_strap": "strap", "band": "band", "stick": "stick"}.get(prop.kind, "")
        what = "cushion" if prop.shape == "cushion" else what
        errors += [f"the {what} ends at an unknown point '{n}'" for n in ends if n not in RADIUS]
        if prop.at is not None and prop.at not in RADIUS:
            errors.append(f"the rolled towel lies under an unknown point '{prop.at}'")
    for cue in figure.still.cues:
        errors += [
            f"a still's cue runs along an unknown point '{n}'" for n in cue.along if n not in RADIUS
        ]
    if flowing_or_sided and len(figure.keyframes) * (2 if figure.sides == "both" else 1) < 2:
        errors.append("a flowing or sided move needs at least two keyframes")
    return errors
