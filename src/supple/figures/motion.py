"""Turn a figure's keyframes into a timed series of body positions (the animation's samples)."""

from __future__ import annotations

from dataclasses import dataclass

from supple.figures.body import Vec, forward
from supple.figures.model import Figure, Keyframe
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
            pose = lerp_pose(frame.pose, frames[nxt].pose, s)
            out.append(Sample(t_k, forward(pose, ys[i] + (ys[nxt] - ys[i]) * s)))
        t += frame.move_s
    return out, t, last_hold_end
