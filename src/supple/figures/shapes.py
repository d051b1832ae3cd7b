"""The outline of each body part on the screen, drawn from its projected points.

Every part is one closed smooth curve through a fixed number of points (so an animation can
ease one outline into the next): tapered limbs that are wider at the hip and shoulder, a trunk
through the cross-sections of pelvis, waist and chest, a head with hair at the back (so the
face's direction shows even from behind), hands that narrow to the fingers and feet to the
toes. Screen points are (u, v) with v up, in centimetres.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from supple.figures.body import HEAD_R, RING, TORSO_LEVELS
from supple.figures.svg import tidy

P2 = tuple[float, float]
Project = Callable[[str], tuple[float, float, float]]

#: Half-widths (cm) at each end of a limb segment: wider near the body, as a person is.
LIMB_RADII: dict[str, tuple[float, float]] = {
    "thigh": (7.6, 5.2),
    "shank": (5.0, 3.1),
    "upper_arm": (4.9, 3.6),
    "forearm": (3.5, 2.5),
}
NECK_RADII = (5.0, 4.3)
HEAD_DRAWN_R = HEAD_R - 0.5


def _unit(u: float, v: float, fallback: P2 = (1.0, 0.0)) -> P2:
    size = math.hypot(u, v)
    return (u / size, v / size) if size > 1e-6 else fallback


def _at(p: P2, d: P2, a: float, n: P2 | None = None, b: float = 0.0) -> P2:
    n = n or (0.0, 0.0)
    return (p[0] + d[0] * a + n[0] * b, p[1] + d[1] * a + n[1] * b)


def capsule(a: P2, ra: float, b: P2, rb: float) -> list[P2]:
    """A limb segment from ``a`` to ``b``, ``ra`` and ``rb`` wide at its two ends."""
    d = _unit(b[0] - a[0], b[1] - a[1])
    n = (-d[1], d[0])
    return [
        _at(a, n, ra),
        _at(b, n, rb),
        _at(b, d, rb * 0.95),
        _at(b, n, -rb),
        _at(a, n, -ra),
        _at(a, d, -ra * 0.95),
    ]


def circle(c: P2, r: float, count: int = 8) -> list[P2]:
    """A circle as ``count`` points."""
    return [
        (c[0] + r * math.cos(2 * math.pi * k / count), c[1] + r * math.sin(2 * math.pi * k / count))
        for k in range(count)
    ]


def hand(wrist: P2, tip: P2) -> list[P2]:
    """A mitten from the wrist to the fingertips: wide across the palm, narrow at the fingers."""
    d = _unit(tip[0] - wrist[0], tip[1] - wrist[1])
    n = (-d[1], d[0])
    length = math.dist(wrist, tip)
    return [
        _at(wrist, n, 2.4),
        _at(wrist, d, 0.45 * length, n, 3.3),
        _at(tip, d, -0.6, n, 1.7),
        _at(tip, d, 1.2),
        _at(tip, d, -0.6, n, -1.7),
        _at(wrist, d, 0.45 * length, n, -3.3),
        _at(wrist, n, -2.4),
        _at(wrist, d, -1.6),
    ]


def foot(ankle: P2, heel: P2, toe: P2) -> list[P2]:
    """A foot: the heel behind the ankle, the sole, and the toes pointing the way it faces."""
    # Seen end on the foot is short; lengths along it shrink with it.
    k = min(1.0, math.dist(heel, toe) / 23.0)
    sole = ((heel[0] + toe[0]) / 2, (heel[1] + toe[1]) / 2)
    up = _unit(ankle[0] - sole[0], ankle[1] - sole[1], (0.0, 1.0))
    d = _unit(toe[0] - heel[0], toe[1] - heel[1], (up[1], -up[0]))
    if k < 0.3:  # toes towards the viewer: the foot's width shows instead of its length
        d = (up[1], -up[0])
    n = (-d[1], d[0])
    if n[0] * up[0] + n[1] * up[1] < 0:
        n = (-n[0], -n[1])  # n points from the sole up to the ankle
    w = 4.2 * (1.0 - k)  # half the foot's width, showing as it turns end on
    return [
        _at(ankle, d, -3.2 * k - w * 0.6, n, 1.5),
        _at(heel, d, -3.4 * k - w, n, 0.6),
        _at(heel, d, -0.5 * k - w * 0.8, n, -3.4),
        _at(toe, d, -1.0 * k + w * 0.8, n, -3.4),
        _at(toe, d, 3.2 * k + w, n, -1.6 + 1.4 * (1 - k)),
        _at(toe, d, 0.5 * k + w * 0.7, n, 1.6 + 1.0 * (1 - k)),
        _at(ankle, d, 4.0 * k + w * 0.5, n, 2.4),
    ]


#: Names under which :func:`edges` leaves each cross-section's two edges and its centre.
EDGE_NAMES = tuple(
    f"{side}{i}" for i in range(len(TORSO_LEVELS)) for side in ("edge_l", "edge_r", "mid")
)


def edges(proj: Project) -> dict[str, tuple[float, float, float]]:
    """Each cross-section's two edges (left and right of the spine on the screen) and centre.

    Worked out once per position (the trunk and the shorts both use them).
    """
    levels = range(len(TORSO_LEVELS))
    rings = [[proj(f"ring{i}_{k}") for k in range(RING)] for i in levels]
    centres = [(sum(p[0] for p in ring) / RING, sum(p[1] for p in ring) / RING) for ring in rings]
    out: dict[str, tuple[float, float, float]] = {}
    last = len(centres) - 1
    for i, ring in enumerate(rings):
        lo, hi = centres[max(0, i - 1)], centres[min(last, i + 1)]
        d = _unit(hi[0] - lo[0], hi[1] - lo[1], (0.0, 1.0))
        side = [d[0] * p[1] - d[1] * p[0] for p in ring]
        out[f"edge_l{i}"] = ring[side.index(max(side))]
        out[f"edge_r{i}"] = ring[side.index(min(side))]
        out[f"mid{i}"] = (centres[i][0], centres[i][1], 0.0)
    return out


def _edges(proj: Project) -> tuple[list[P2], list[P2], list[P2]]:
    count = len(TORSO_LEVELS)
    left = [proj(f"edge_l{i}")[:2] for i in range(count)]
    right = [proj(f"edge_r{i}")[:2] for i in range(count)]
    centres = [proj(f"mid{i}")[:2] for i in range(count)]
    return left, right, centres


def torso(proj: Project) -> list[P2]:
    """The trunk's outline through the cross-sections of pelvis, waist and chest.

    Each cross-section's two edges are its points furthest either side of the spine as the
    screen shows it, so the outline is right from any view and bends with the back.
    """
    left, right, centres = _edges(proj)
    bottom = _unit(centres[0][0] - centres[1][0], centres[0][1] - centres[1][1], (0.0, -1.0))
    base = (centres[0][0] + bottom[0] * 5.0, centres[0][1] + bottom[1] * 5.0)
    top_dir = _unit(centres[-1][0] - centres[-2][0], centres[-1][1] - centres[-2][1])
    neck = proj("chest")
    top = (neck[0] + top_dir[0] * 2.5, neck[1] + top_dir[1] * 2.5)
    return [base, *left, top, *reversed(right)]


def shorts(proj: Project) -> list[P2]:
    """The pelvis from the seat to the waist, drawn darker so that its tilt reads."""
    left, right, centres = _edges(proj)
    bottom = _unit(centres[0][0] - centres[1][0], centres[0][1] - centres[1][1], (0.0, -1.0))
    base = (centres[0][0] + bottom[0] * 5.0, centres[0][1] + bottom[1] * 5.0)
    belt = [_between(left[2], right[2], f) for f in (0.25, 0.5, 0.75)]
    return [base, left[0], left[1], left[2], *belt, right[2], right[1], right[0]]


def _between(a: P2, b: P2, f: float) -> P2:
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f)


def hair(head: P2, face: tuple[float, float, float], up: tuple[float, float, float]) -> list[P2]:
    """The hair on the back and top of the head: a lens of the head's disc.

    ``face`` and ``up`` are the head's forward and upward directions (screen u, v and depth).
    Seen from behind the hair fills the head; from the front it is a cap on top.
    """
    hx, hy, hz = -face[0] + 0.55 * up[0], -face[1] + 0.55 * up[1], -face[2] + 0.55 * up[2]
    size = math.sqrt(hx * hx + hy * hy + hz * hz) or 1.0
    hx, hy, hz = hx / size, hy / size, hz / size
    r = HEAD_DRAWN_R
    m = min(1.96 * r, r * (1.0 - hz))  # the hair circle's offset from the head's centre
    o = _unit(hx, hy, (0.0, 1.0))
    theta = math.atan2(o[1], o[0])
    alpha = math.acos(min(1.0, m / (2 * r)))
    centre = (head[0] + o[0] * m, head[1] + o[1] * m)
    rim = [
        (head[0] + r * math.cos(theta + alpha * f), head[1] + r * math.sin(theta + alpha * f))
        for f in (1.0, 0.5, 0.0, -0.5, -1.0)
    ]
    inner = [
        (
            centre[0] + r * math.cos(theta + math.pi - alpha * f),
            centre[1] + r * math.sin(theta + math.pi - alpha * f),
        )
        for f in (-0.5, 0.0, 0.5)
    ]
    return [*rim, *inner]


def _template(n: int) -> str:
    # A Catmull-Rom curve is smooth at every point, so after the first segment each one's
    # first control point is the mirror of the last one's: SVG's "S" says it in 4 numbers.
    return "M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1f" + "S%.1f %.1f %.1f %.1f" * (n - 1) + "Z"


_TEMPLATES = {n: _template(n) for n in range(3, 20)}


def smooth(points: Sequence[P2]) -> str:
    """SVG path data of a closed smooth curve through ``points`` (screen v up, SVG y down)."""
    n = len(points)
    xs = [p[0] for p in points]
    ys = [-p[1] for p in points]
    vals = [xs[0], ys[0], xs[0] + (xs[1] - xs[-1]) / 6, ys[0] + (ys[1] - ys[-1]) / 6]
    for i in range(n):
        j = (i + 1) % n
        k = (i + 2) % n
        x, y = xs[j], ys[j]
        vals += (x - (xs[k] - xs[i]) / 6, y - (ys[k] - ys[i]) / 6, x, y)
    return tidy(_TEMPLATES[n] % tuple(vals))
