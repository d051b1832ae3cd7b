"""Turn a figure's keyframes into a timed series of body positions (the animation's samples)."""

from __future__ import annotations

from dataclasses import dataclass

from supple.figures.body import RADIUS, Vec, forward
from supple.figures.model import Figure, Keyframe, Pose
from supple.figures.scene import lerp_pose, place

#: Positions drawn for each move between two keyframes (joint angles eased in between).
STEPS_PER_MOVE = 6


@dataclass(frozen=True)
class Sample:
    """The body at time ``t`` seconds into one pass through the keyframes."""

    t: float
    points: dict[str, Vec]


def keyframe_points(figure: Figure, frame: Keyframe) -> dict[str, Vec]:
    """Every body point of ``frame``, placed on its support."""
    return forward(frame.pose, place(frame, figure.props))


#: Each limb: its joints (ball joint, hinge, end joint) and the points that can touch the floor.
_LIMBS = [
    (f"{j}_{s}", f"{h}_{s}", f"{e}_{s}", tuple(f"{p}_{s}" for p in pts))
    for s in "rl"
    for j, h, e, pts in (
        ("shoulder", "elbow", "wrist", ("elbow", "wrist", "tip")),
        ("hip", "knee", "ankle", ("knee", "ankle", "heel", "toe")),
    )
]


def _sunk(points: dict[str, Vec], names: tuple[str, ...]) -> float:
    return max(0.0, *(RADIUS[n] - points[n][1] for n in names))


def _with(pose: Pose, ball: str, hinge: str, end: str, d: tuple[float, float, float]) -> Pose:
    joint = getattr(pose, ball)
    return pose.model_copy(
        update={
            ball: joint.model_copy(update={"flex": joint.flex + d[0]}),
            hinge: getattr(pose, hinge) + d[1],
            end: getattr(pose, end) + d[2],
        }
    )


def clear_floor(pose: Pose, y: float) -> tuple[Pose, dict[str, Vec]]:
    """``pose`` (and its points) with any limb that dips through the floor bent to clear it.

    Joint angles eased between two keyframes can sweep a hand or foot through the floor on the
    way (an arm swinging down to the mat). Bending the limb's middle joint, else turning it at
    the shoulder or hip, by the smallest step that clears the floor keeps the move believable.
    """
    points = forward(pose, y)
    for ball, hinge, end, names in _LIMBS:
        sunk = _sunk(points, names)
        if sunk <= 0.5:
            continue
        best, best_sunk = pose, sunk
        for d in _TRIES:
            trial = _with(pose, ball, hinge, end, d)
            trial_sunk = _sunk(forward(trial, y), names)
            if trial_sunk < best_sunk:
                best, best_sunk = trial, trial_sunk
            if trial_sunk <= 0.5:
                break
        pose = best
        points = forward(pose, y)
    # Whatever still dips (a knee as the hips swing back) lifts the body by that much.
    rest = max(0.0, *(RADIUS[n] - p[1] for n, p in points.items()))
    if rest > 0.5:
        points = forward(pose, y + rest)
    return pose, points


#: Changes tried in order, smallest first: bend the middle joint, then swing the whole limb.
_TRIES = [(0.0, a, 0.0) for a in (15.0, 30.0, 45.0, 60.0, 90.0)] + [
    (a, 0.0, 0.0) for b in (15.0, 30.0, 45.0, 60.0) for a in (b, -b)
]


def _ease(t: float) -> float:
    return t * t * (3 - 2 * t)


def samples(figure: Figure) -> tuple[list[Sample], float, float]:
    """One pass: the samples, its length in seconds, and when the last hold ends.

    A one-keyframe figure gives a single sample; otherwise the pass holds each keyframe, then
    moves to the next, the last moving back to the first (so the pass ends where it began).
    """
    frames = figure.keyframes
    ys = [place(f, figure.props) for f in frames]
    if len(frames) == 1:
        return [Sample(0.0, forward(frames[0].pose, ys[0]))], 0.0, 0.0
    out: list[Sample] = []
    t = 0.0
    last_hold_end = 0.0
    for i, frame in enumerate(frames):
        nxt = (i + 1) % len(frames)
        here = forward(frame.pose, ys[i])
        out.append(Sample(t, here))
        if frame.hold_s > 0:
            t += frame.hold_s
            out.append(Sample(t, here))
        last_hold_end = t
        # The next keyframe's own sample closes each move; only the last move ends the pass.
        for k in range(1, STEPS_PER_MOVE + (1 if nxt == 0 else 0)):
            s = _ease(k / STEPS_PER_MOVE)
            t_k = t + frame.move_s * k / STEPS_PER_MOVE
            y = ys[i] + (ys[nxt] - ys[i]) * s
            _, points = clear_floor(lerp_pose(frame.pose, frames[nxt].pose, s), y)
            out.append(Sample(t_k, points))
        t += frame.move_s
    return out, t, last_hold_end
