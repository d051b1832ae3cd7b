"""Hands that hold what they hold, and a foot that rests on a thigh: a keyframe's ``grip``.

``grip: {hand_r: shin_r}`` puts the middle of the right hand on the skin of the right shin in
every drawn position of that keyframe (and through a move when the next keyframe grips the
same); the arm bends to reach (two-bone inverse kinematics). ``foot_r: thigh_l`` rests the
right ankle on the left thigh, as in a figure-four. Besides any body point, ``thigh_r`` and
``shin_r`` name the middle of a thigh (a little towards the knee) and of a shin, and ``chair``,
``rail`` and ``stick`` a prop's bar: the hand goes to the nearest point of it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from supple.figures.body import Vec
from supple.figures.ik import LIMBS, Limb, mean, pin
from supple.figures.model import GRIP_PROPS, Prop
from supple.figures.scene import RAIL_POST, grip_bar

#: How far (cm) from the middle of what is held its skin lies.
HELD_RADIUS: dict[str, float] = {
    "thigh": 7.0,
    "shin": 5.0,
    "knee": 5.5,
    "ankle": 4.5,
    "belly": 0.5,
    "sternum": 0.5,
    "chair": 1.5,
    "rail": RAIL_POST,
    "stick": 1.5,
}
#: Each gripper: its limb, the points whose middle lands on the target, and its thickness.
GRIPPERS: dict[str, tuple[Limb, tuple[str, ...], float]] = {
    **{
        f"hand_{s}": (
            next(x for x in LIMBS if x.name == f"arm_{s}"),
            (f"wrist_{s}", f"tip_{s}"),
            1.5,
        )
        for s in "rl"
    },
    **{
        f"foot_{s}": (next(x for x in LIMBS if x.name == f"leg_{s}"), (f"ankle_{s}",), 4.5)
        for s in "rl"
    },
}
#: Names a grip may hold besides a body point.
LIMB_MIDDLES = {f"{part}_{s}" for part in ("thigh", "shin") for s in "rl"}


def _nearest(a: Vec, b: Vec, p: Vec) -> Vec:
    """The point of the segment from ``a`` to ``b`` nearest ``p``."""
    ab = (b[0] - a[0], b[1] - a[1], b[2] - a[2])
    size = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2] or 1e-9
    t = ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1] + (p[2] - a[2]) * ab[2]) / size
    t = min(1.0, max(0.0, t))
    return (a[0] + ab[0] * t, a[1] + ab[1] * t, a[2] + ab[2] * t)


def held_prop(held: str, props: Iterable[Prop]) -> Prop | None:
    """The prop a grip on ``held`` holds, None when it holds a body point (or no such prop)."""
    if held not in GRIP_PROPS:
        return None
    return next((p for p in props if p.kind == held), None)


def _centre(points: dict[str, Vec], held: str, props: Iterable[Prop], hand: Vec) -> Vec:
    if held in GRIP_PROPS:
        prop = held_prop(held, props)
        bar = grip_bar(prop, points) if prop is not None else None
        if bar is None:
            raise KeyError(held)
        return _nearest(*bar, hand)
    side = held[-1]
    if held.startswith("thigh_"):
        hip, knee = points[f"hip_{side}"], points[f"knee_{side}"]
        return (
            hip[0] + 0.6 * (knee[0] - hip[0]),
            hip[1] + 0.6 * (knee[1] - hip[1]),
            hip[2] + 0.6 * (knee[2] - hip[2]),
        )
    if held.startswith("shin_"):
        return mean([points[f"knee_{side}"], points[f"ankle_{side}"]])
    return points[held]


def grip_target(points: dict[str, Vec], gripper: str, held: str, props: Iterable[Prop] = ()) -> Vec:
    """Where ``gripper`` goes to hold ``held``: on its skin, on the side it comes from.

    A prop's bar is held at its point nearest the hand.
    """
    _, touch, thick = GRIPPERS[gripper]
    hx, hy, hz = mean([points[n] for n in touch])
    cx, cy, cz = _centre(points, held, props, (hx, hy, hz))
    ax, ay, az = hx - cx, hy - cy, hz - cz
    k = (HELD_RADIUS.get(held.split("_")[0], 4.0) + thick) / (
        math.sqrt(ax * ax + ay * ay + az * az) or 1.0
    )
    return (cx + ax * k, cy + ay * k, cz + az * k)


def grip(points: dict[str, Vec], gripper: str, held: str, props: Iterable[Prop] = ()) -> float:
    """Move ``gripper`` onto ``held`` (the limb bends to reach); return how far short it falls."""
    limb, touch, _ = GRIPPERS[gripper]
    tx, ty, tz = grip_target(points, gripper, held, props)
    hx, hy, hz = mean([points[n] for n in touch])
    moved = {
        n: (p[0] + tx - hx, p[1] + ty - hy, p[2] + tz - hz) for n in limb.group for p in [points[n]]
    }
    pin(points, limb, moved)
    return math.dist(mean([points[n] for n in touch]), (tx, ty, tz))
