"""Draw the props with depth: the faces of a chair, step, wall, doorway or mat that face the
camera, shaded by which way they face, and a rolled towel; plus the straps, bands and sticks
the hands hold, which move with the body.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from supple.figures.body import Vec
from supple.figures.camera import Projection
from supple.figures.model import Prop
from supple.figures.scene import (
    BACKREST_H,
    DOOR_H,
    DOOR_HALF,
    MAT_HALF,
    MAT_HALF_WIDTH,
    MAT_T,
    POST_HALF,
    RAIL_H,
    RAIL_HALF,
    RAIL_POST,
    ROLL_R,
    SEAT_H,
    SEAT_HALF,
    STEP_H,
    STEP_LEN,
    WALL_H,
    WALL_T,
)

LINE = "#7d838a"
#: Face shades, lightest on top: they give a prop its depth in colour and in grey.
TOP, FRONT, SIDE = "#e8eaec", "#cdd1d5", "#b3b9bf"
MAT_TOP, MAT_SIDE = "#dfe6e2", "#b7c2bc"
TOWEL, TOWEL_LINE = "#f2e6c9", "#a08a5a"
WALL_FACE = "#e9ebed"
Box = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class Shape:
    """A prop's drawing: a polygon (a line when not ``closed``) on the screen, and its paint."""

    points: tuple[tuple[float, float], ...]
    fill: str
    stroke: str = LINE
    depth: float = 0.0
    closed: bool = True

    @property
    def d(self) -> str:
        """SVG path data (screen v up, SVG y down)."""
        line = "M" + "L".join(f"{_f(u)} {_f(-v)}" for u, v in self.points)
        return line + ("Z" if self.closed else "")


def _f(v: float) -> str:
    text = f"{v:.1f}"
    return "0" if text in ("0.0", "-0.0") else text.removesuffix(".0")


def _toward(proj: Projection) -> Vec:
    """The direction in the scene that points at the camera."""
    o = proj((0.0, 0.0, 0.0))[2]
    return (
        proj((1.0, 0.0, 0.0))[2] - o,
        proj((0.0, 1.0, 0.0))[2] - o,
        proj((0.0, 0.0, 1.0))[2] - o,
    )


def box(
    b: Box, proj: Projection, *, top: str = TOP, front: str = FRONT, side: str = SIDE
) -> list[Shape]:
    """The faces of an upright box that the camera sees, shaded by the way each faces."""
    x0, y0, z0, x1, y1, z1 = b
    cam = _toward(proj)
    faces = [
        ((0.0, 1.0, 0.0), [(x0, y1, z0), (x1, y1, z0), (x1, y1, z1), (x0, y1, z1)], top),
        ((0.0, -1.0, 0.0), [(x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1)], side),
        ((0.0, 0.0, 1.0), [(x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)], front),
        ((0.0, 0.0, -1.0), [(x0, y0, z0), (x1, y0, z0), (x1, y1, z0), (x0, y1, z0)], front),
        ((1.0, 0.0, 0.0), [(x1, y0, z0), (x1, y1, z0), (x1, y1, z1), (x1, y0, z1)], side),
        ((-1.0, 0.0, 0.0), [(x0, y0, z0), (x0, y1, z0), (x0, y1, z1), (x0, y0, z1)], side),
    ]
    centre = proj(((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2))[2]
    out = []
    for normal, corners, fill in faces:
        if sum(n * c for n, c in zip(normal, cam, strict=True)) > 1e-6:
            pts = [proj(c) for c in corners]
            out.append(Shape(tuple((p[0], p[1]) for p in pts), fill, LINE, centre))
    return out


def _chair(x: float, z: float) -> list[Box]:
    s = SEAT_HALF
    legs = [
        (x + dx - 1.5, 0, z + dz - 1.5, x + dx + 1.5, SEAT_H - 4, z + dz + 1.5)
        for dx in (-s + 2, s - 2)
        for dz in (-s + 2, s - 2)
    ]
    posts = [
        (x - s - 3, SEAT_H, z + dz - 1.5, x - s, BACKREST_H, z + dz + 1.5) for dz in (-s + 2, s - 2)
    ]
    rest = (x - s - 3, BACKREST_H - 26, z - s + 1, x - s, BACKREST_H, z + s - 1)
    return [*legs, *posts, rest, (x - s, SEAT_H - 4, z - s, x + s, SEAT_H, z + s)]


def _roll(prop: Prop, points: dict[str, Vec], proj: Projection) -> list[Shape]:
    """A rolled towel lying across the body under the point ``prop.at``."""
    at = points.get(prop.at or "upper_back", (prop.x, 0.0, prop.z))
    r, half = ROLL_R, 24.0
    a, b = proj((at[0], r, at[2] - half)), proj((at[0], r, at[2] + half))
    near, far = (a, b) if a[2] >= b[2] else (b, a)
    du, dv = near[0] - far[0], near[1] - far[1]
    size = math.hypot(du, dv)
    nu, nv = (-dv / size, du / size) if size > 0.5 else (0.0, 1.0)
    body = [
        (far[0] + nu * r, far[1] + nv * r),
        (near[0] + nu * r, near[1] + nv * r),
        (near[0] - nu * r, near[1] - nv * r),
        (far[0] - nu * r, far[1] - nv * r),
    ]
    end = [(near[0] + r * math.cos(t / 4), near[1] + r * math.sin(t / 4)) for t in range(26)]
    spiral = [
        (
            near[0] + r * (0.15 + 0.03 * t) * math.cos(t / 2.2),
            near[1] + r * (0.15 + 0.03 * t) * math.sin(t / 2.2),
        )
        for t in range(28)
    ]
    return [
        Shape(tuple(body), TOWEL, TOWEL_LINE, near[2]),
        Shape(tuple(end), TOWEL, TOWEL_LINE, near[2]),
        Shape(tuple(spiral), "none", TOWEL_LINE, near[2], closed=False),
    ]


def _rail(prop: Prop, proj: Projection) -> list[Shape]:
    """A handrail on two posts, level (a grab rail) or climbing (a banister beside a stair)."""
    x, z, p = prop.x, prop.z, RAIL_POST
    posts = [
        (x + dx - p, 0.0, z - p, x + dx + p, RAIL_H + rise - p, z + p)
        for dx, rise in ((-RAIL_HALF, 0.0), (RAIL_HALF, prop.rise))
    ]
    a, b = proj((x - RAIL_HALF - p, RAIL_H, z)), proj((x + RAIL_HALF + p, RAIL_H + prop.rise, z))
    du, dv = b[0] - a[0], b[1] - a[1]
    size = math.hypot(du, dv) or 1.0
    nu, nv = -dv / size * p, du / size * p
    bar = (
        (a[0] + nu, a[1] + nv),
        (b[0] + nu, b[1] + nv),
        (b[0] - nu, b[1] - nv),
        (a[0] - nu, a[1] - nv),
    )
    shapes = [s for post in posts for s in box(post, proj)]
    return [*sorted(shapes, key=lambda s: s.depth), Shape(bar, TOP, LINE, max(a[2], b[2]))]


def prop_shapes(
    prop: Prop,
    proj: Projection,
    footprint: tuple[float, float, float, float],
    points: dict[str, Vec],
) -> list[Shape]:
    """The shapes that draw ``prop`` behind the body, farthest first.

    The mat is laid under the body's ``footprint`` (x0, x1, z0, z1 of every point); a rolled
    towel lies under its point of the body as ``points`` place it.
    """
    x, z = prop.x, prop.z
    boxes: list[Box] = []
    if prop.kind == "mat":
        x0, x1, z0, z1 = footprint
        cx, cz = (x0 + x1) / 2, (z0 + z1) / 2
        # A mat's length lies under a body lying on it; under a seated or kneeling body only
        # the part around it is drawn.
        hx = (
            min(MAT_HALF, (x1 - x0) / 2 + 25) if x1 - x0 < 120 else max(MAT_HALF, (x1 - x0) / 2 + 8)
        )
        hz = max(MAT_HALF_WIDTH, (z1 - z0) / 2 + 8)
        return box(
            (cx - hx, -MAT_T, cz - hz, cx + hx, 0, cz + hz),
            proj,
            top=MAT_TOP,
            front=MAT_SIDE,
            side=MAT_SIDE,
        )
    if prop.kind == "chair":
        boxes = _chair(x, z)
    elif prop.kind == "step":
        boxes = [(x - STEP_LEN, 0, z - 30, x, STEP_H, z + 30)]
    elif prop.kind == "wall":
        wall = (x - WALL_T, 0, z - 60, x, WALL_H, z + 60)
        return box(wall, proj, top=TOP, front=WALL_FACE, side=WALL_FACE)
    elif prop.kind == "doorway":
        boxes = [
            (x - POST_HALF, 0, z + dz - POST_HALF, x + POST_HALF, DOOR_H, z + dz + POST_HALF)
            for dz in (-DOOR_HALF, DOOR_HALF)
        ]
        boxes.append(
            (
                x - POST_HALF,
                DOOR_H,
                z - DOOR_HALF - POST_HALF,
                x + POST_HALF,
                DOOR_H + 9,
                z + DOOR_HALF + POST_HALF,
            )
        )
    elif prop.kind == "rail":
        return _rail(prop, proj)
    elif prop.kind == "towel_or_strap" and prop.shape == "roll":
        return _roll(prop, points, proj)
    shapes = [s for b in boxes for s in box(b, proj)]
    return sorted(shapes, key=lambda s: s.depth)


def floor_line(u0: float, u1: float) -> Shape:
    """The floor across a level view."""
    return Shape(((u0, 0.0), (u1, 0.0)), "none", LINE, closed=False)
