"""Props, support surfaces, placing the body on its support, and projecting to a view."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from supple.figures.body import RADIUS, Vec, expand, forward
from supple.figures.model import Keyframe, Pose, Prop, Surface, View

SEAT_H = 46.0
SEAT_HALF = 22.0
BACKREST_H = 92.0
STEP_H = 18.0
STEP_LEN = 40.0
DOOR_HALF = 45.0
DOOR_H = 205.0
MAT_HALF = 95.0
MAT_HALF_WIDTH = 32.0
MAT_T = 2.0

#: Props that carry weight from above, and their tops.
_HORIZONTAL: dict[str, str] = {"floor": "", "seat": "chair", "step": "step"}


def gap(surface: Surface, point: Vec, radius: float, props: Iterable[Prop]) -> float:
    """Distance from the skin at ``point`` to ``surface`` (negative: sunk into it)."""
    x, y, _ = point
    if surface == "floor":
        return y - radius
    best = math.inf
    for prop in props:
        if surface == "seat" and prop.kind == "chair":
            if prop.x - SEAT_HALF - radius <= x <= prop.x + SEAT_HALF + radius:
                best = min(best, y - radius - SEAT_H, key=abs)
        elif surface == "step" and prop.kind == "step":
            if prop.x - STEP_LEN - radius <= x <= prop.x + radius:
                best = min(best, y - radius - STEP_H, key=abs)
        elif (surface == "wall" and prop.kind == "wall") or (
            surface == "doorway" and prop.kind == "doorway"
        ):
            best = min(best, abs(x - prop.x) - radius, key=abs)
    return best


def surface_height(surface: Surface, props: Iterable[Prop]) -> float | None:
    """The height of a horizontal surface, or None for the wall and the doorway."""
    if surface == "floor":
        return 0.0
    if surface == "seat":
        return SEAT_H if any(p.kind == "chair" for p in props) else None
    if surface == "step":
        return STEP_H if any(p.kind == "step" for p in props) else None
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


def lerp_pose(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` of the way from ``a`` to ``b``, joint by joint."""
    da, db = a.model_dump(), b.model_dump()

    def mix(x: object, y: object) -> object:
        if isinstance(x, dict) and isinstance(y, dict):
            return {k: mix(x[k], y[k]) for k in x}
        if isinstance(x, int | float) and isinstance(y, int | float):
            return x + (y - x) * t
        return x if t < 0.5 else y

    return Pose.model_validate(mix(da, db))


@dataclass(frozen=True)
class Projection:
    """Screen coordinates (u right, v up) and depth (larger is nearer) for one view."""

    view: View
    mirrored: bool = False

    def __call__(self, p: Vec) -> tuple[float, float, float]:
        x, y, z = p
        if self.view == "side":
            u, v, d = x, y, z
        elif self.view == "front":
            u, v, d = -z, y, x
        else:
            u, v, d = x, -z, y
        return (-u if self.mirrored else u), v, d


@dataclass(frozen=True)
class Shape:
    """A prop's drawing: a polygon (or a polyline when ``closed`` is false) in screen units."""

    points: tuple[tuple[float, float], ...]
    fill: str
    stroke: str
    closed: bool = True


def _box(u0: float, v0: float, u1: float, v1: float) -> tuple[tuple[float, float], ...]:
    return ((u0, v0), (u1, v0), (u1, v1), (u0, v1))


def prop_shapes(prop: Prop, proj: Projection) -> list[Shape]:
    """The shapes that draw ``prop`` in ``proj``'s view, behind the body."""
    mid, line = "#c9d1d7", "#7d8a94"

    def box3(x0: float, y0: float, z0: float, x1: float, y1: float, z1: float) -> Shape:
        corners = [proj((x, y, z)) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)]
        us, vs = [c[0] for c in corners], [c[1] for c in corners]
        return Shape(_box(min(us), min(vs), max(us), max(vs)), mid, line)

    x, z = prop.x, prop.z
    if prop.kind == "mat":
        return [box3(x - MAT_HALF, -MAT_T, z - MAT_HALF_WIDTH, x + MAT_HALF, 0, z + MAT_HALF_WIDTH)]
    if prop.kind == "chair":
        s = SEAT_HALF
        legs = [
            box3(x + dx - 1.5, 0, z + dz - 1.5, x + dx + 1.5, SEAT_H - 4, z + dz + 1.5)
            for dx in (-s + 2, s - 2)
            for dz in (-s + 2, s - 2)
        ]
        back = box3(x - s - 3, SEAT_H, z - s, x - s + 1, BACKREST_H, z + s)
        seat = box3(x - s, SEAT_H - 4, z - s, x + s, SEAT_H, z + s)
        return [*legs, back, seat]
    if prop.kind == "step":
        return [box3(x - STEP_LEN, 0, z - 30, x, STEP_H, z + 30)]
    if prop.kind == "wall":
        return [box3(x - 6, 0, z - 60, x, 210, z + 60)]
    if prop.kind == "doorway":
        posts = [
            box3(x - 4, 0, z + dz - 4, x + 4, DOOR_H, z + dz + 4) for dz in (-DOOR_HALF, DOOR_HALF)
        ]
        return posts
    return []


def floor_shape(proj: Projection, u0: float, u1: float) -> Shape | None:
    """The floor line across the picture, or None seen from above."""
    if proj.view == "above":
        return None
    return Shape(((u0, 0.0), (u1, 0.0)), "none", "#7d8a94", closed=False)
