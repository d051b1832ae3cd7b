"""Hands that hold what they hold, and a foot that rests on a thigh: a keyframe's ``grip``.

``grip: {hand_r: shin_r}`` puts the middle of the right hand on the skin of the right shin in
every drawn position of that keyframe (and through a move when the next keyframe grips the
same); the arm bends to reach (two-bone inverse kinematics). ``foot_r: thigh_l`` rests the
right ankle on the left thigh, as in a figure-four. Besides any body point, ``thigh_r`` and
``shin_r`` name the middle of a thigh (a little towards the knee) and of a shin.
"""

from __future__ import annotations

import math

from supple.figures.body import Vec
from supple.figures.ik import LIMBS, Limb, mean, pin

#: How far (cm) from the middle of what is held its skin lies.
HELD_RADIUS: dict[str, float] = {
    "thigh": 7.0,
    "shin": 5.0,
    "knee": 5.5,
    "ankle": 4.5,
    "belly": 0.5,
    "sternum": 0.5,
}
#: Each gripper: its limb, the points whose middle lands on the target, and its thickness.
GRIPPERS: dict[str, tuple[Limb, tuple[str, ...], float]] = {
    **{
        f"hand_{s}": (next(x for x in LIMBS if x.name == f"arm_{s}"), (f"wrist_{s}", f"tip_{s}"), 1.5)
        for s in "rl"
    },
    **{
        f"foot_{s}": (next(x for x in LIMBS if x.name == f"leg_{s}"), (f"ankle_{s}",), 4.5)
        for s in "rl"
    },
}
#: Names a grip may hold besides a body point.
LIMB_MIDDLES = {f"{part}_{s}" for part in ("thigh", "shin") for s in "rl"}


def _centre(points: dict[str, Vec], held: str) -> Vec:
    side = held[-1]
    if held.startswith("thigh_"):
        hip, knee = points[f"hip_{side}"], points[f"knee_{side}"]
        return tuple(h + 0.6 * (k - h) for h, k in zip(hip, knee, strict=True))  # type: ignore[return-value]
    if held.startswith("shin_"):
        return mean([points[f"knee_{side}"], points[f"ankle_{side}"]])
    return points[held]


def grip_target(points: dict[str, Vec], gripper: str, held: str) -> Vec:
    """Where ``gripper`` goes to hold ``held``: on its skin, on the side it comes from."""
    limb, touch, thick = GRIPPERS[gripper]
    centre = _centre(points, held)
    here = mean([points[n] for n in touch])
    away = tuple(a - c for a, c in zip(here, centre, strict=True))
    size = math.sqrt(sum(v * v for v in away)) or 1.0
    r = HELD_RADIUS.get(held.split("_")[0], 4.0) + thick
    return tuple(c + v * r / size for c, v in zip(centre, away, strict=True))  # type: ignore[return-value]


def grip(points: dict[str, Vec], gripper: str, held: str) -> float:
    """Move ``gripper`` onto ``held`` (the limb bends to reach); return how far short it falls."""
    limb, touch, _ = GRIPPERS[gripper]
    target = grip_target(points, gripper, held)
    here = mean([points[n] for n in touch])
    move = tuple(t - h for t, h in zip(target, here, strict=True))
    pin(points, limb, {n: tuple(p + m for p, m in zip(points[n], move, strict=True)) for n in limb.group})  # type: ignore[misc]
    return math.dist(mean([points[n] for n in touch]), target)
