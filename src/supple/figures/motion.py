"""Turn a figure's keyframes into a timed series of body positions (the animation's samples)."""

from __future__ import annotations

from dataclasses import dataclass, field

from supple.figures.body import RADIUS, Vec, forward
from supple.figures.ik import Limb
from supple.figures.model import Figure, Keyframe, Pose
from supple.figures.parts import Memo
from supple.figures.plant import Drawn, Planting, draw_keyframe, move_points, plant, shift
from supple.figures.scene import lerp_pose, place

#: Positions drawn for each move between two keyframes (joint angles eased in between).
STEPS_PER_MOVE = 4


@dataclass(frozen=True)
class Sample:
    """The body at time ``t`` seconds into one pass through the keyframes."""

    t: float
    points: dict[str, Vec]
    #: The keyframe this sample shows, None between keyframes.
    frame: int | None = None


@dataclass(frozen=True)
class Pass:
    """One pass through the keyframes: the samples, its length, when its last hold ends."""

    samples: list[Sample]
    total: float
    last_hold_end: float
    planting: Planting
    drawn: list[Drawn]
    #: The positions' projections and outlines, shared by every picture drawn of this pass.
    memo: Memo = field(default_factory=Memo, compare=False, repr=False)


def keyframe_points(figure: Figure, frame: Keyframe) -> dict[str, Vec]:
    """Every body point of ``frame`` as written, placed on its support (for checking it)."""
    return forward(frame.pose, place(frame, figure.props))


def _sunk(points: dict[str, Vec], names: tuple[str, ...]) -> float:
    return max(0.0, *(RADIUS[n] - points[n][1] for n in names))


def _with(pose: Pose, limb: Limb, d: tuple[float, float]) -> Pose:
    ball = limb.base
    joint = getattr(pose, ball)
    return pose.model_copy(
        update={
            ball: joint.model_copy(update={"flex": joint.flex + d[0]}),
            limb.mid: getattr(pose, limb.mid) + d[1],
        }
    )


#: Changes tried in order, smallest first: bend the middle joint, then swing the whole limb.
_TRIES = [(0.0, a) for a in (15.0, 30.0, 45.0, 60.0, 90.0)] + [
    (a, 0.0) for b in (15.0, 30.0, 45.0, 60.0) for a in (b, -b)
]


def clear_floor(points: dict[str, Vec], pose: Pose, y: float, by: Vec, limbs: list[Limb]) -> None:
    """Bend any of ``limbs`` that dips through the floor just enough to clear it.

    Joint angles eased between two keyframes can sweep a free hand or foot through the floor
    on the way (an arm swinging down to the mat). Bending the limb's middle joint, else turning
    it at the shoulder or hip, by the smallest step that clears the floor keeps it believable.
    ``points`` are the body at ``pose`` placed at ``y`` and moved by ``by``; they change in place.
    """
    for limb in limbs:
        sunk = _sunk(points, limb.points)
        if sunk <= 0.5:
            continue
        best, best_sunk = None, sunk
        for d in _TRIES:
            trial = shift(forward(_with(pose, limb, d), y), by)
            trial_sunk = _sunk(trial, limb.points)
            if trial_sunk < best_sunk:
                best, best_sunk = trial, trial_sunk
            if trial_sunk <= 0.5:
                break
        if best is not None:
            points.update({n: best[n] for n in limb.points})


def _ease(t: float) -> float:
    return t * t * (3 - 2 * t)


def drawn_keyframes(figure: Figure) -> tuple[Planting, list[Drawn]]:
    """The planting and every keyframe as drawn (planted, pinned)."""
    planting = plant(figure)
    return planting, [draw_keyframe(figure, planting, k) for k in range(len(figure.keyframes))]


def move_sample(
    figure: Figure, planting: Planting, drawn: list[Drawn], m: int, s: float
) -> dict[str, Vec]:
    """The body a fraction ``s`` (already eased) through move ``m`` (keyframe m to the next)."""
    frames = figure.keyframes
    j = (m + 1) % len(frames)
    pose = lerp_pose(frames[m].pose, frames[j].pose, s)
    y = planting.ys[m] + (planting.ys[j] - planting.ys[m]) * s
    a, b = planting.offsets[m], planting.offsets[j]
    off = (a[0] + (b[0] - a[0]) * s, 0.0, a[2] + (b[2] - a[2]) * s)
    eased = shift(forward(pose, y, rings=True), off)
    points, body, free = move_points(planting, m, s, (drawn[m], drawn[j]), eased)
    by = (off[0] + body[0], body[1], off[2] + body[2])
    clear_floor(points, pose, y, by, free)
    if not planting.held[m]:
        # Nothing is planted: whatever still dips (a knee as the hips swing) lifts the body.
        dip = max(0.0, *(RADIUS[n] - p[1] for n, p in points.items()))
        if dip > 0.5:
            points = shift(points, (0.0, dip, 0.0))
    return points


_PASSES: dict[int, tuple[Figure, Pass]] = {}


def motion(figure: Figure) -> Pass:
    """The pass of ``figure``, worked out once per figure (a still and an animation share it).

    A one-keyframe figure gives a single sample; otherwise the pass holds each keyframe, then
    moves to the next, the last moving back to the first (so the pass ends where it began).
    """
    hit = _PASSES.get(id(figure))
    if hit is not None and hit[0] is figure:
        return hit[1]
    result = _pass(figure)
    if len(_PASSES) >= 256:
        _PASSES.clear()
    _PASSES[id(figure)] = (figure, result)  # the figure is kept, so its id stays its own
    return result


def _pass(figure: Figure) -> Pass:
    frames = figure.keyframes
    planting, drawn = drawn_keyframes(figure)
    if len(frames) == 1:
        return Pass([Sample(0.0, drawn[0].points, 0)], 0.0, 0.0, planting, drawn)
    out: list[Sample] = []
    t = 0.0
    last_hold_end = 0.0
    for i, frame in enumerate(frames):
        nxt = (i + 1) % len(frames)
        here = drawn[i].points
        out.append(Sample(t, here, i))
        if frame.hold_s > 0:
            t += frame.hold_s
            out.append(Sample(t, here, i))
        last_hold_end = t
        # The next keyframe's own sample closes each move; only the last move ends the pass.
        for k in range(1, STEPS_PER_MOVE + (1 if nxt == 0 else 0)):
            at = t + frame.move_s * k / STEPS_PER_MOVE
            if k == STEPS_PER_MOVE:
                out.append(Sample(at, drawn[nxt].points, nxt))
            else:
                points = move_sample(figure, planting, drawn, i, _ease(k / STEPS_PER_MOVE))
                out.append(Sample(at, points))
        t += frame.move_s
    return Pass(out, t, last_hold_end, planting, drawn)


def samples(figure: Figure) -> tuple[list[Sample], float, float]:
    """One pass: the samples, its length in seconds, and when the last hold ends."""
    result = motion(figure)
    return result.samples, result.total, result.last_hold_end
