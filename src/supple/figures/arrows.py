"""Draw a still's arrows: curved along the real path of a point, clear of the body, headed."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

from supple.figures.camera import Projection
from supple.figures.shapes import P2
from supple.figures.still import Arrow
from supple.figures.svg import fmt

ARROW, CASING = "#d55e00", "#ffffff"
#: The shortest arrow drawn (cm): a small move's arrow is stretched to this, same direction.
MIN_LENGTH = 22.0
#: The shortest loop drawn (cm round): a small circle (a shoulder roll) is drawn this big.
MIN_LOOP = 48.0
#: A path shorter than this (cm) is drawn straight from where it starts to where it ends.
SMALL = 8.0


def _length(pts: list[P2]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(pts))


def _resample(pts: list[P2], count: int) -> list[P2]:
    """``count`` points evenly spaced along the polyline ``pts``."""
    total = _length(pts)
    if total <= 0:
        return pts[:1]
    out = [pts[0]]
    step, seg, walked = total / (count - 1), 0, 0.0
    for k in range(1, count - 1):
        goal = k * step
        while seg < len(pts) - 2 and walked + math.dist(pts[seg], pts[seg + 1]) < goal:
            walked += math.dist(pts[seg], pts[seg + 1])
            seg += 1
        a, b = pts[seg], pts[seg + 1]
        f = (goal - walked) / max(1e-9, math.dist(a, b))
        out.append((a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f))
    return [*out, pts[-1]]


def _smoothed(pts: list[P2], rounds: int = 2) -> list[P2]:
    for _ in range(rounds):
        pts = (
            [pts[0]]
            + [
                ((a[0] + 2 * b[0] + c[0]) / 4, (a[1] + 2 * b[1] + c[1]) / 4)
                for a, b, c in zip(pts, pts[1:], pts[2:], strict=False)
            ]
            + [pts[-1]]
        )
    return pts


def screen_path(arrow: Arrow, proj: Projection) -> list[P2]:
    """The arrow's path on the screen, beside the body on its pivot's far side, long enough to see.

    The path is the point's own, so it curves the way the body does; it runs ``clearance`` cm
    outside it, on the side away from the joint it swings about (or from the loop's centre).
    """
    pts = _dedupe([proj(p)[:2] for p in arrow.path])
    if len(pts) < 2:
        return pts
    if arrow.cue:
        return _cue(pts, arrow.offset)
    if arrow.steady and arrow.pivot is not None and _length(pts) >= SMALL:
        pts = _arc(pts, proj(arrow.pivot)[:2])
    length = _length(pts)
    if length < SMALL and not arrow.closed:
        return _small(pts[0], pts[-1], arrow, proj)
    shortest = MIN_LOOP if arrow.closed else MIN_LENGTH
    if length < shortest:
        k = shortest / max(length, 1e-3)
        if arrow.closed:
            cu, cv = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        else:
            cu, cv = pts[len(pts) // 2]
        pts = [(cu + (u - cu) * k, cv + (v - cv) * k) for u, v in pts]
    # A path that turns at a keyframe (forward, then up) is drawn as one easy curve.
    pts = _smoothed(_resample(pts, 24), 2 if arrow.steady else 6)
    if arrow.pivot is not None and arrow.clearance:
        pu, pv, _ = proj(arrow.pivot)
        normals = []
        for i in range(len(pts)):
            a, b = pts[max(0, i - 1)], pts[min(len(pts) - 1, i + 1)]
            du, dv = b[0] - a[0], b[1] - a[1]
            size = max(1e-9, math.hypot(du, dv))
            normals.append((-dv / size, du / size))
        if arrow.closed:
            sides = [
                1.0 if (u - pu) * n[0] + (v - pv) * n[1] >= 0 else -1.0
                for (u, v), n in zip(pts, normals, strict=True)
            ]
        else:
            mid = len(pts) // 2
            away = (pts[mid][0] - pu) * normals[mid][0] + (pts[mid][1] - pv) * normals[mid][1]
            side = 1.0 if away >= 0 else -1.0
            # Away from the joint, unless that side dips under the floor: then the inside.
            low = min(
                v + n[1] * arrow.clearance * side for (_, v), n in zip(pts, normals, strict=True)
            )
            if proj.level and low < 1.0:
                side = -side
            sides = [side] * len(pts)
        c = arrow.clearance
        pts = [
            (u + n[0] * c * k, v + n[1] * c * k)
            for (u, v), n, k in zip(pts, normals, sides, strict=True)
        ]
    if proj.level:  # never under the floor
        pts = [(u, max(v, 2.0)) for u, v in pts]
    if arrow.closed:
        pts = pts[: max(3, int(len(pts) * 0.86))]  # a gap before the head shows where it starts
    return _smoothed(pts, 1)


def _cue(pts: list[P2], offset: float) -> list[P2]:
    """A cue's path: through its points, eased round their corners, ``offset`` to their left."""
    pts = _smoothed(_resample(pts, 24), 3)
    if not offset:
        return pts
    out = []
    for i, (u, v) in enumerate(pts):
        a, b = pts[max(0, i - 1)], pts[min(len(pts) - 1, i + 1)]
        du, dv = b[0] - a[0], b[1] - a[1]
        size = max(1e-9, math.hypot(du, dv))
        out.append((u - dv / size * offset, v + du / size * offset))
    return _smoothed(out, 2)


def _arc(pts: list[P2], pivot: P2) -> list[P2]:
    """The arc about ``pivot`` from the path's start to its end, turning the way the path does.

    Eased joint angles (and a hand kept off the floor) make a real path wobble; a limb that
    swings about a joint that stays put is best shown as the clean arc it describes.
    """
    pu, pv = pivot
    angles = [math.atan2(v - pv, u - pu) for u, v in pts]
    a0 = angles[0]
    r0, r1 = math.dist(pts[0], pivot), math.dist(pts[-1], pivot)
    # The turn the path itself makes about the pivot, step by step: a foot lifting nearly
    # straight up wobbles round its hip, and must not be read as going the long way round.
    sweep = sum((b - a + math.pi) % (2 * math.pi) - math.pi for a, b in itertools.pairwise(angles))
    return [
        (
            pu + (r0 + (r1 - r0) * k / 23) * math.cos(a0 + sweep * k / 23),
            pv + (r0 + (r1 - r0) * k / 23) * math.sin(a0 + sweep * k / 23),
        )
        for k in range(24)
    ]


def _small(start: P2, end: P2, arrow: Arrow, proj: Projection) -> list[P2]:
    """A small move (a breath, a tilt): a straight arrow just beyond the point, the way it goes.

    Its wobbles would show as a hook, and over the body it would hide what moves.
    """
    du, dv = end[0] - start[0], end[1] - start[1]
    size = math.hypot(du, dv)
    if size < 0.2 and arrow.pivot is not None:
        pu, pv, _ = proj(arrow.pivot)
        du, dv, size = end[0] - pu, end[1] - pv, max(1e-6, math.hypot(end[0] - pu, end[1] - pv))
    d = (du / size, dv / size) if size > 1e-6 else (0.0, 1.0)
    first = (end[0] + d[0] * 3.0, end[1] + d[1] * 3.0)
    steps = [k / 8 * MIN_LENGTH * 0.8 for k in range(9)]
    pts = [(first[0] + d[0] * t, first[1] + d[1] * t) for t in steps]
    return [(u, max(v, 2.0)) for u, v in pts] if proj.level else pts


def _dedupe(pts: list[P2]) -> list[P2]:
    out = [pts[0]]
    for p in pts[1:]:
        if math.dist(p, out[-1]) > 0.3:
            out.append(p)
    return out


def _head(tip: P2, back: P2, size: float) -> list[P2]:
    du, dv = tip[0] - back[0], tip[1] - back[1]
    d = max(1e-6, math.hypot(du, dv))
    du, dv = du / d, dv / d
    return [
        (tip[0] + du * size * 0.35, tip[1] + dv * size * 0.35),
        (tip[0] - du * size - dv * size * 0.6, tip[1] - dv * size + du * size * 0.6),
        (tip[0] - du * size + dv * size * 0.6, tip[1] - dv * size - du * size * 0.6),
    ]


def _back(pts: list[P2], reach: float) -> P2:
    """The point ``reach`` back along ``pts`` from its last point (a stable head direction)."""
    total = 0.0
    for a, b in zip(reversed(pts), list(reversed(pts))[1:], strict=False):
        total += math.dist(a, b)
        if total >= reach:
            return b
    return pts[0]


def arrow_svg(arrow: Arrow, proj: Projection, px: Callable[[float], float]) -> list[str]:
    """The SVG of one arrow: a white casing under a coloured line, with heads."""
    pts = screen_path(arrow, proj)
    if len(pts) < 2:
        return []
    size = min(px(6.5), _length(pts) / (4 if arrow.two_way else 2.5))
    heads = [_head(pts[-1], _back(pts, size), size)]
    if arrow.two_way:
        heads.append(_head(pts[0], _back(list(reversed(pts)), size), size))
    line = "M" + "L".join(f"{fmt(u)} {fmt(-v)}" for u, v in pts)
    tris = "".join("M" + "L".join(f"{fmt(u)} {fmt(-v)}" for u, v in head) + "Z" for head in heads)
    dash = f' stroke-dasharray="{fmt(px(5))} {fmt(px(3.5))}"' if arrow.dashed else ""
    return [
        f'<g class="fig-arrow"><path d="{line}" fill="none" stroke="{CASING}" '
        f'stroke-width="{fmt(px(5.2))}"/><path d="{tris}" fill="{CASING}" stroke="{CASING}" '
        f'stroke-width="{fmt(px(3))}"/><path d="{line}" fill="none" stroke="{ARROW}" '
        f'stroke-width="{fmt(px(2.4))}"{dash}/><path d="{tris}" fill="{ARROW}" stroke="{ARROW}" '
        f'stroke-width="{fmt(px(0.8))}"/></g>'
    ]


def between(start: P2, end: P2, px: Callable[[float], float]) -> str:
    """A broad arrow from one picture of a before-and-after pair to the next."""
    du, dv = end[0] - start[0], end[1] - start[1]
    length = max(1e-6, math.hypot(du, dv))
    d, n = (du / length, dv / length), (-dv / length, du / length)
    h = min(px(5), length / 2)
    shaft = length - 1.3 * h

    def at(a: float, b: float) -> P2:
        return (start[0] + d[0] * a + n[0] * b, start[1] + d[1] * a + n[1] * b)

    pts = [at(0, 0.45 * h), at(shaft, 0.45 * h), at(shaft, h), at(length, 0), at(shaft, -h)]
    pts += [at(shaft, -0.45 * h), at(0, -0.45 * h)]
    data = "M" + "L".join(f"{fmt(u)} {fmt(-w)}" for u, w in pts) + "Z"
    return f'<path class="fig-then" d="{data}" fill="#5d6b75"/>'
