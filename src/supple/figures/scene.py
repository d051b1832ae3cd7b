"""Props, support surfaces, placing the body on its support, and projecting to a view."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from supple.figures.body import RADIUS, Vec, expand, forward
from supple.figures.model import Keyframe, Pose, Prop, Surface, View

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
MAT_FILL = "#eaedef"


def gap(surface: Surface, point: Vec, radius: float, props: Iterable[Prop]) -> float:
    """Distance from the skin at ``point`` to ``surface`` (negative: sunk into it)."""
    x, y, z = point
    if surface == "floor":
        return y - radius
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
            return x * (1 - t) + y * t
        return x if t < 0.5 else y

    return Pose.model_validate(mix(da, db))


@dataclass(frozen=True)
class Projection:
    """Screen coordinates (u right, v up) and depth (larger is nearer) for one view."""

    view: View
    elevation: float = 0.0
    mirrored: bool = False

    def level_depth(self, p: Vec) -> float:
        """Depth as seen with the camera level: which side of the body is nearer."""
        x, y, z = p
        return z if self.view == "side" else (x if self.view == "front" else y)

    def __call__(self, p: Vec) -> tuple[float, float, float]:
        x, y, z = p
        if self.view == "side":
            u, v, d = x, y, z
        elif self.view == "front":
            u, v, d = -z, y, x
        else:
            u, v, d = x, -z, y
        if self.elevation:
            # The camera looks down from above: nearer points sit lower on the screen.
            c, s = math.cos(math.radians(self.elevation)), math.sin(math.radians(self.elevation))
            v, d = v * c - d * s, d * c + v * s
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


def prop_shapes(
    prop: Prop, proj: Projection, footprint: tuple[float, float, float, float]
) -> list[Shape]:
    """The shapes that draw ``prop`` in ``proj``'s view, behind the body.

    The mat is laid under the body's ``footprint`` (x0, x1, z0, z1 of every point).
    """
    mid, line = "#d3d6d9", "#868b90"

    def box3(
        x0: float, y0: float, z0: float, x1: float, y1: float, z1: float, fill: str = mid
    ) -> Shape:
        corners = [proj((x, y, z)) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)]
        us, vs = [c[0] for c in corners], [c[1] for c in corners]
        return Shape(_box(min(us), min(vs), max(us), max(vs)), fill, line)

    x, z = prop.x, prop.z
    if prop.kind == "mat":
        x0, x1, z0, z1 = footprint
        cx, cz = (x0 + x1) / 2, (z0 + z1) / 2
        hx, hz = max(MAT_HALF, (x1 - x0) / 2 + 8), max(MAT_HALF_WIDTH, (z1 - z0) / 2 + 8)
        return [box3(cx - hx, -MAT_T, cz - hz, cx + hx, 0, cz + hz, fill=MAT_FILL)]
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
            box3(x - POST_HALF, 0, z + dz - POST_HALF, x + POST_HALF, DOOR_H, z + dz + POST_HALF)
            for dz in (-DOOR_HALF, DOOR_HALF)
        ]
        return posts
    return []


def floor_shape(proj: Projection, u0: float, u1: float) -> Shape | None:
    """The floor line across the picture, or None seen from above."""
    if proj.view == "above" or proj.elevation:
        return None
    return Shape(((u0, 0.0), (u1, 0.0)), "none", "#868b90", closed=False)
