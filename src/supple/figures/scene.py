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
#: A handrail (banister or grab rail): its height, half its length, and its posts' half width.
RAIL_H = 90.0
RAIL_HALF = 45.0
RAIL_POST = 2.5
#: A stick's length (cm) when its prop does not say.
STICK_LENGTH = 120.0


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


def grip_bar(prop: Prop, points: dict[str, Vec]) -> tuple[Vec, Vec] | None:
    """The bar a hand holds on ``prop``, end to end: a chair's backrest top, a rail, the stick.

    A stick runs through its two body points (as ``points`` place them), centred between
    them, as long as the prop says. None for a prop a hand cannot hold.
    """
    if prop.kind == "chair":
        x = prop.x - SEAT_HALF - 1.5
        return (x, BACKREST_H, prop.z - SEAT_HALF + 1), (x, BACKREST_H, prop.z + SEAT_HALF - 1)
    if prop.kind == "rail":
        return (prop.x - RAIL_HALF, RAIL_H, prop.z), (
            prop.x + RAIL_HALF,
            RAIL_H + prop.rise,
            prop.z,
        )
    if prop.kind == "stick" and prop.held_ends is not None:
        a, b = points[prop.held_ends[0]], points[prop.held_ends[1]]
        d = math.dist(a, b) or 1e-6
        half = max(d / 2 + 6, (prop.length or STICK_LENGTH) / 2)
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)
        u = ((b[0] - a[0]) / d, (b[1] - a[1]) / d, (b[2] - a[2]) / d)
        return (
            (mid[0] - u[0] * half, mid[1] - u[1] * half, mid[2] - u[2] * half),
            (mid[0] + u[0] * half, mid[1] + u[1] * half, mid[2] + u[2] * half),
        )
    return None


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
