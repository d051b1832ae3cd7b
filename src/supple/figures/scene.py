"""Support surfaces: how big props are, how far a point is from one, setting the body on them."""

from __future__ import annotations

import math
from collections.abc import Iterable

from pydantic import BaseModel

from supple.figures.body import RADIUS, Vec, expand, forward
from supple.figures.model import Keyframe, Pose, Prop, Surface

SEAT_H = 42.0
SEAT_HALF = 22.0
BACKREST_H = 92.0
STEP_H = 18.0
STEP_LEN = 40.0
DOOR_HALF = 50.0
POST_HALF = 4.0
DOOR_H = 205.0
MAT_HALF = 95.0
MAT_HALF_WIDTH = 32.0
MAT_T = 2.0
WALL_H = 210.0
WALL_T = 6.0
#: A rolled towel's radius (cm): the body resting on it lies this high over the floor, twice.
ROLL_R = 5.5


def _rolled(props: Iterable[Prop]) -> bool:
    return any(p.kind == "towel_or_strap" and p.shape == "roll" for p in props)


def gap(surface: Surface, point: Vec, radius: float, props: Iterable[Prop]) -> float:
    """Distance from the skin at ``point`` to ``surface`` (negative: sunk into it)."""
    x, y, z = point
    if surface == "floor":
        return y - radius
    if surface == "towel":
        # The roll lies under the point it names, across the body: only its height matters.
        return y - radius - 2 * ROLL_R if _rolled(props) else math.inf
    best = math.inf
    for prop in props:
        if surface == "seat" and prop.kind == "chair":
            if prop.x - SEAT_HALF - radius <= x <= prop.x + SEAT_HALF + radius:
                best = min(best, y - radius - SEAT_H, key=abs)
        elif surface == "step" and prop.kind == "step":
            if prop.x - STEP_LEN - radius <= x <= prop.x + radius and abs(z - prop.z) <= 30:
                best = min(best, y - radius - STEP_H, key=abs)
        elif surface == "wall" and prop.kind == "wall":
            best = min(best, abs(x - prop.x) - radius, key=abs)
        elif surface == "doorway" and prop.kind == "doorway":
            # Against the inner face of either post, and level with it (not in front or behind).
            inner = DOOR_HALF - POST_HALF - abs(z - prop.z) - radius
            off = max(0.0, abs(x - prop.x) - POST_HALF - radius)
            best = min(best, inner + off if inner >= 0 else inner - off, key=abs)
    return best


def surface_height(surface: Surface, props: Iterable[Prop]) -> float | None:
    """The height of a horizontal surface, or None for the wall and the doorway."""
    if surface == "floor":
        return 0.0
    if surface == "seat":
        return SEAT_H if any(p.kind == "chair" for p in props) else None
    if surface == "step":
        return STEP_H if any(p.kind == "step" for p in props) else None
    if surface == "towel":
        return 2 * ROLL_R if _rolled(props) else None
    return None


def place(frame: Keyframe, props: list[Prop]) -> float:
    """The pelvis height that sets the keyframe's lowest weight-bearing contact on its surface."""
    if frame.pose.root.y is not None:
        return frame.pose.root.y
    pts = forward(frame.pose, 0.0)
    lift = -math.inf
    for surface, names in frame.contacts.items():
        h = surface_height(surface, props)
        if h is None:
            continue
        for name in expand(names):
            lift = max(lift, h + RADIUS[name] - pts[name][1])
    if lift == -math.inf:  # only walls listed: stand on the floor
        lift = max(RADIUS[n] - pts[n][1] for n in ("heel_r", "heel_l", "toe_r", "toe_l"))
    return lift


def _mix(a: BaseModel, b: BaseModel, t: float) -> BaseModel:
    values: dict[str, object] = {}
    for name in type(a).model_fields:
        x, y = getattr(a, name), getattr(b, name)
        if isinstance(x, BaseModel):
            values[name] = _mix(x, y, t)
        elif isinstance(x, int | float) and isinstance(y, int | float):
            values[name] = x * (1 - t) + y * t
        else:
            values[name] = x if t < 0.5 else y
    # Both ends are valid poses and every value lies between theirs: no need to validate again.
    return type(a).model_construct(None, **values)


def lerp_pose(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` of the way from ``a`` to ``b``, joint by joint."""
    if t == 0:
        return a
    if t == 1:
        return b
    mixed = _mix(a, b, t)
    assert isinstance(mixed, Pose)
    return mixed
